# lab14's driver: lines sees the counters bench() makes and frees.
LDFLAGS_lab14-false-sharing/lines := -Wl,--wrap=counters_make \
	-Wl,--wrap=counters_free
