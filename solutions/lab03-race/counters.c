/* counters.c: each function is one thread's share of the counting.
 * Only count_unsafe is wrong; the other three are the exercise. */
#include "counters.h"
#include "wb.h"

/* Load, add, store: two threads can load the same value, and then one of
 * the two stores is lost. */
void *count_unsafe(void *arg)
{
	struct shared *s = arg;
	for (long i = 0; i < s->iters; i++)
		s->counter++;
	return NULL;
}

/* One thread at a time in the critical section: exact, but every
 * increment pays for a lock and an unlock, and the lock's cache line
 * bounces between cores. */
void *count_mutex(void *arg)
{
	struct shared *s = arg;
	for (long i = 0; i < s->iters; i++) {
		/* STARTER BEGIN
		s->counter++; // TODO(lab03): hold s->lock around this increment
		STARTER END */
		wb_check(pthread_mutex_lock(&s->lock), "pthread_mutex_lock");
		s->counter++;
		wb_check(pthread_mutex_unlock(&s->lock),
			 "pthread_mutex_unlock");
		/* SOLUTION END */
	}
	return NULL;
}

/* The processor does load, add and store as one indivisible step. Relaxed
 * order is enough: nothing else is published along with the count. */
void *count_atomic(void *arg)
{
	struct shared *s = arg;
	for (long i = 0; i < s->iters; i++) {
		/* STARTER BEGIN
		s->counter++; // TODO(lab03): add 1 to s->atomic_counter atomically
		STARTER END */
		atomic_fetch_add_explicit(&s->atomic_counter, 1,
					  memory_order_relaxed);
		/* SOLUTION END */
	}
	return NULL;
}

/* Count privately, then merge once: one locked update per thread instead
 * of one per increment. */
void *count_local(void *arg)
{
	struct shared *s = arg;
	/* STARTER BEGIN
	for (long i = 0; i < s->iters; i++)
		s->counter++; // TODO(lab03): count in a local, then add it once under s->lock
	STARTER END */
	/* volatile again, so the loop is not folded into one addition and
	 * the time per increment stays comparable with the other modes. */
	volatile long mine = 0;
	for (long i = 0; i < s->iters; i++)
		mine++;
	wb_check(pthread_mutex_lock(&s->lock), "pthread_mutex_lock");
	s->counter += mine;
	wb_check(pthread_mutex_unlock(&s->lock), "pthread_mutex_unlock");
	/* SOLUTION END */
	return NULL;
}
