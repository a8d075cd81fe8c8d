# dterm sees every deque_pop that finds nothing (which workers looked for
# work and found none); dterm and dtree count the threads the lab creates,
# to tell a worker that ended from one not started yet.
LDFLAGS_lab20-work-stealing/dterm := -Wl,--wrap=deque_pop \
	-Wl,--wrap=pthread_create
LDFLAGS_lab20-work-stealing/dtree := -Wl,--wrap=pthread_create
