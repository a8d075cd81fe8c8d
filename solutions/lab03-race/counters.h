/* counters.h: the four ways lab03's threads can count together. */
#ifndef COUNTERS_H
#define COUNTERS_H

#include <pthread.h>
#include <stdatomic.h>

struct shared {
	/* volatile makes every increment a real load, add and store, like
	 * Python's `counter += 1`; it does not make the three steps atomic. */
	volatile long counter;      /* used by unsafe, mutex and local */
	atomic_long atomic_counter; /* used by atomic */
	pthread_mutex_t lock;       /* guards counter in mutex and local */
	long iters;                 /* increments each thread makes */
};

void *count_unsafe(void *shared);
void *count_mutex(void *shared);
void *count_atomic(void *shared);
void *count_local(void *shared);

#endif
