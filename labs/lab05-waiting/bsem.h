/* bsem.h: Python's threading.BoundedSemaphore from a mutex and a condition
 * variable: at most `bound` threads hold it at once, and a release that
 * would lift the count past its bound is refused (Python's ValueError). */
#ifndef BSEM_H
#define BSEM_H

#include <pthread.h>

struct bsem {
	long value;           /* free places now, 0 to bound */
	long bound;           /* the value it started with */
	pthread_mutex_t lock; /* guards value */
	pthread_cond_t free;  /* acquire sleeps here while value == 0 */
};

void bsem_init(struct bsem *s, long bound); /* starts with bound places */
void bsem_destroy(struct bsem *s);          /* no thread may be using s */

/* Takes a place, waiting while none is free. */
void bsem_acquire(struct bsem *s);

/* Gives a place back and wakes one waiter. Returns 0, or EINVAL and changes
 * nothing if every place is already free: more releases than acquires. */
int bsem_release(struct bsem *s);

#endif
