# lab19's drivers feed their own text (text_line), inject failures into
# each stage's work and hold the reducers (clean_line, map_line,
# count_line), and look at the input of a map or reduce thread when it
# ends (stage_thread). pdepth also brings its own instrumented queue.
LAB19_WORK := text_line clean_line map_line count_line stage_thread
LAB19_QUEUE := queue_init queue_destroy queue_put queue_get queue_close \
	queue_shutdown
LDFLAGS_lab19-pipeline/pcount := $(LAB19_WORK:%=-Wl,--wrap=%)
LDFLAGS_lab19-pipeline/pleft := $(LAB19_WORK:%=-Wl,--wrap=%)
LDFLAGS_lab19-pipeline/pfail := $(LAB19_WORK:%=-Wl,--wrap=%)
LDFLAGS_lab19-pipeline/pfirst := $(LAB19_WORK:%=-Wl,--wrap=%)
LDFLAGS_lab19-pipeline/pdepth := $(LAB19_WORK:%=-Wl,--wrap=%) \
	$(LAB19_QUEUE:%=-Wl,--wrap=%)
