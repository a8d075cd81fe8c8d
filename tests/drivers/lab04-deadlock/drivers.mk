# lab04's driver: audit sees every mutex call and sleep of the tree's code.
LDFLAGS_lab04-deadlock/audit := -Wl,--wrap=pthread_mutex_lock \
	-Wl,--wrap=pthread_mutex_trylock -Wl,--wrap=pthread_mutex_unlock \
	-Wl,--wrap=nanosleep -Wl,--wrap=clock_nanosleep -Wl,--wrap=usleep \
	-Wl,--wrap=sched_yield
