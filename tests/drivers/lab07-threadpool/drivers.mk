# porder sees when each future is set; pfuture sees the futures' condition
# variable calls.
LDFLAGS_lab07-threadpool/porder := -Wl,--wrap=future_set
LDFLAGS_lab07-threadpool/pfuture := -Wl,--wrap=pthread_cond_wait \
	-Wl,--wrap=pthread_cond_timedwait -Wl,--wrap=pthread_cond_signal \
	-Wl,--wrap=pthread_cond_broadcast
