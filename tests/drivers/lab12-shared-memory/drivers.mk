# lab12's drivers: checkinit sees the attributes every mutex is made with;
# checkrobust counts the calls of pthread_mutex_consistent.
LDFLAGS_lab12-shared-memory/checkinit := -Wl,--wrap=pthread_mutex_init
LDFLAGS_lab12-shared-memory/checkrobust := -Wl,--wrap=pthread_mutex_consistent
