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
	/* STARTER BEGIN
	// TODO(lab12): init with attributes: process-shared (setpshared) and robust (setrobust)
	wb_check(pthread_mutex_init(m, NULL), "pthread_mutex_init");
	STARTER END */
	pthread_mutexattr_t a;
	wb_check(pthread_mutexattr_init(&a), "pthread_mutexattr_init");
	/* Waiters in other processes must be woken too: without this, the
	 * unlock's wake-up reaches only this process's threads. */
	wb_check(pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED),
		 "pthread_mutexattr_setpshared");
	/* A holder that dies does not leave the lock taken for ever. */
	wb_check(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST),
		 "pthread_mutexattr_setrobust");
	wb_check(pthread_mutex_init(m, &a), "pthread_mutex_init");
	wb_check(pthread_mutexattr_destroy(&a), "pthread_mutexattr_destroy");
	/* SOLUTION END */
}

void counter_init(struct counter *c, long procs)
{
	c->procs = procs;
	shared_mutex_init(&c->lock);
}

int robust_take(struct counter *c)
{
	/* STARTER BEGIN
	// TODO(lab12): on EOWNERDEAD: counter_repair(c), pthread_mutex_consistent, return 1
	wb_check(pthread_mutex_lock(&c->lock), "pthread_mutex_lock");
	return 0;
	STARTER END */
	int rc = pthread_mutex_lock(&c->lock);
	if (rc != EOWNERDEAD) {
		wb_check(rc, "pthread_mutex_lock");
		return 0;
	}
	/* We hold the lock, and the data the dead holder was changing. Mend
	 * it first, then say so: unlocked without pthread_mutex_consistent,
	 * the lock would refuse every later taker (ENOTRECOVERABLE). */
	counter_repair(c);
	wb_check(pthread_mutex_consistent(&c->lock),
		 "pthread_mutex_consistent");
	return 1;
	/* SOLUTION END */
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
