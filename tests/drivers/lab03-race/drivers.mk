# lab03's drivers: locks sees every mutex call of the tree's counting code.
LDFLAGS_lab03-race/locks := -Wl,--wrap=pthread_mutex_lock \
	-Wl,--wrap=pthread_mutex_trylock -Wl,--wrap=pthread_mutex_unlock
