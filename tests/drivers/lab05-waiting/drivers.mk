# Every lab05 driver sees the lab's condition variable waits (waits.h).
LAB05_WAITS := -Wl,--wrap=pthread_cond_wait -Wl,--wrap=pthread_cond_timedwait \
	-Wl,--wrap=pthread_cond_clockwait
LDFLAGS_lab05-waiting/psleep := $(LAB05_WAITS)
LDFLAGS_lab05-waiting/ewait := $(LAB05_WAITS)
LDFLAGS_lab05-waiting/bsemcap := $(LAB05_WAITS)
LDFLAGS_lab05-waiting/blap := $(LAB05_WAITS)
LDFLAGS_lab05-waiting/rowner := $(LAB05_WAITS)
