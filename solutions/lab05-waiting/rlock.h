/* rlock.h: Python's threading.RLock from a mutex and a condition variable:
 * the thread that holds it may take it again; it is free once that thread
 * has released it as many times as it took it. */
#ifndef RLOCK_H
#define RLOCK_H

#include <pthread.h>

struct rlock {
	pthread_t owner;      /* who holds it, when count > 0 */
	long count;           /* times the owner has taken it; 0: free */
	pthread_mutex_t lock; /* guards owner and count */
	pthread_cond_t free;  /* other threads sleep here while it is held */
};

void rlock_init(struct rlock *l);
void rlock_destroy(struct rlock *l); /* no thread may be using l */

/* Takes it: at once if this thread holds it already, else once it is free. */
void rlock_acquire(struct rlock *l);

/* Gives back one acquire. Returns 0, or EPERM and changes nothing if this
 * thread does not hold it (Python's RuntimeError). */
int rlock_release(struct rlock *l);

#endif
