/* lock.h: a counter that threads add their results to under a spin lock.
 * A waiter spins: it keeps its CPU while it waits, so when the thread
 * that holds the lock is preempted, every waiter burns its time slice for
 * nothing. */
#ifndef LOCK_H
#define LOCK_H

#include <stdatomic.h>
#include <stdint.h>

struct spin {
	atomic_int held; /* 1 while some thread holds the lock */
};

struct tally {
	struct spin lock; /* guards total and steps */
	uint64_t total;   /* the sum of every step's result */
	long steps;       /* how many steps added to it */
};

void spin_lock(struct spin *s);
void spin_unlock(struct spin *s);

/* One step of the lock demo: units of work (wb_burn(units)), its result
 * added to t->total and t->steps counted. step_long does the work while
 * holding the lock; step_short must give the same result. */
void step_long(struct tally *t, uint64_t units);
void step_short(struct tally *t, uint64_t units);

#endif
