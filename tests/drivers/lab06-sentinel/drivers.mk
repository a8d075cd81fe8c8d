# Every lab06 driver sees the lab's condition variable waits (drv.h);
# qstop also counts the lab's puts.
LAB06_WAITS := -Wl,--wrap=pthread_cond_wait -Wl,--wrap=pthread_cond_timedwait \
	-Wl,--wrap=pthread_cond_clockwait
LDFLAGS_lab06-sentinel/qsleep := $(LAB06_WAITS)
LDFLAGS_lab06-sentinel/qwhile := $(LAB06_WAITS)
LDFLAGS_lab06-sentinel/qclose := $(LAB06_WAITS)
LDFLAGS_lab06-sentinel/qonce := $(LAB06_WAITS)
LDFLAGS_lab06-sentinel/qstop := $(LAB06_WAITS) -Wl,--wrap=queue_put
