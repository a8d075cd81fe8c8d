/* rlock.c: a recursive lock remembers who holds it and how many times.
 * A plain lock taken twice by one thread waits for itself forever; a lock
 * that anyone may release is no lock. */
#include <errno.h>
#include <stdbool.h>

#include "rlock.h"
#include "wb.h"

void rlock_init(struct rlock *l)
{
	*l = (struct rlock){.count = 0};
	wb_check(pthread_mutex_init(&l->lock, NULL), "pthread_mutex_init");
	wb_check(pthread_cond_init(&l->free, NULL), "pthread_cond_init");
}

void rlock_destroy(struct rlock *l)
{
	wb_check(pthread_cond_destroy(&l->free), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&l->lock), "pthread_mutex_destroy");
}

void rlock_acquire(struct rlock *l)
{
	wb_check(pthread_mutex_lock(&l->lock), "pthread_mutex_lock");
	// TODO(lab05): if this thread holds it already, count one more and return
	while (l->count > 0)
		wb_check(pthread_cond_wait(&l->free, &l->lock),
			 "pthread_cond_wait");
	l->count = 1; // TODO(lab05): remember the owner (pthread_self)
	wb_check(pthread_mutex_unlock(&l->lock), "pthread_mutex_unlock");
}

int rlock_release(struct rlock *l)
{
	int rc = 0;
	wb_check(pthread_mutex_lock(&l->lock), "pthread_mutex_lock");
	// TODO(lab05): refuse (EPERM) unless this thread holds it; free it only when the count drops to 0
	l->count = 0;
	wb_check(pthread_cond_signal(&l->free), "pthread_cond_signal");
	wb_check(pthread_mutex_unlock(&l->lock), "pthread_mutex_unlock");
	return rc;
}
