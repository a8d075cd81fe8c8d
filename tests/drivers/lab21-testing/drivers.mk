# dfix runs the fixed claim under its own scheduler: it takes over the
# yield points and the mutex lock; dtsan perturbs the yield points itself.
LDFLAGS_lab21-testing/dfix := -Wl,--wrap=yield_point \
	-Wl,--wrap=pthread_mutex_lock
LDFLAGS_lab21-testing/dtsan := -Wl,--wrap=yield_point
