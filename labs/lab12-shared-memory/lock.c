/* lock.c: a lock for processes. A mutex in shared memory works across
 * processes only if it is made process-shared; it survives a holder that
 * dies only if it is robust: the next taker then gets EOWNERDEAD, repairs
 * what the dead holder left half-done, and marks the lock consistent. */
#include <errno.h>
#include <unistd.h>

#include "shm.h"
#include "wb.h"

void shared_mutex_init(pthread_mutex_t *m)
{
	// TODO(lab12): init with attributes: process-shared (setpshared) and robust (setrobust)
	wb_check(pthread_mutex_init(m, NULL), "pthread_mutex_init");
}

void counter_init(struct counter *c, long procs)
{
	c->procs = procs;
	shared_mutex_init(&c->lock);
}

int robust_take(struct counter *c)
{
	// TODO(lab12): on EOWNERDEAD: counter_repair(c), pthread_mutex_consistent, return 1
	wb_check(pthread_mutex_lock(&c->lock), "pthread_mutex_lock");
	return 0;
}

void counter_repair(struct counter *c)
{
	long sum = 0;
	for (long i = 0; i < c->procs; i++)
		sum += c->tally[i];
	c->before = c->value;
	c->value = sum; /* undo the dead holder's half of an increment */
	c->after = sum;
	c->recovered_by = getpid();
}
