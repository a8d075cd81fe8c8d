# dlock sees every wb_burn call of the lab's code and every pthread mutex
# taken, to tell whether work is done while a lock is held.
LDFLAGS_lab17-oversubscription/dlock := -Wl,--wrap=wb_burn \
	-Wl,--wrap=pthread_mutex_lock -Wl,--wrap=pthread_mutex_unlock
