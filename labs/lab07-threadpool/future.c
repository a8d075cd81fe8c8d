/* future.c: one mutex and one condition variable per future. A thread that
 * wants the result sleeps on `over` until the state says FINISHED or
 * CANCELLED; whoever changes the state wakes them, under the same mutex. */
#include <errno.h>
#include <stdlib.h>
#include <sched.h> // sched_yield, for the polling below

#include "ascompleted.h"
#include "future.h"
#include "wb.h"

struct future *future_new(void)
{
	struct future *f = wb_alloc(sizeof *f);
	wb_check(pthread_mutex_init(&f->lock, NULL), "pthread_mutex_init");
	wb_check(pthread_cond_init(&f->over, NULL), "pthread_cond_init");
	return f;
}

void future_free(struct future *f)
{
	wb_check(pthread_cond_destroy(&f->over), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&f->lock), "pthread_mutex_destroy");
	free(f);
}

static void lock(struct future *f)
{
	wb_check(pthread_mutex_lock(&f->lock), "pthread_mutex_lock");
}

static void unlock(struct future *f)
{
	wb_check(pthread_mutex_unlock(&f->lock), "pthread_mutex_unlock");
}

/* With f->lock held: the task is over, wake everyone who waits. Returns the
 * as_completed waiter to tell, which the caller does after unlocking f: by
 * then nothing touches f any more, so whoever gets it may free it. */
static struct waiter *end(struct future *f, enum fstate s)
{
	/* First the state, then the wake-up, both under the lock: a waiter
	 * checks the state and goes to sleep without letting go of the
	 * lock in between, so it cannot miss the wake-up. */
	f->state = s;
	// TODO(lab07): wake every thread waiting on f->over (pthread_cond_broadcast)
	struct waiter *w = f->waiter;
	f->waiter = NULL;
	return w;
}

bool future_start(struct future *f)
{
	lock(f);
	bool ok = f->state == PENDING;
	if (ok)
		f->state = RUNNING;
	unlock(f);
	return ok;
}

void future_set(struct future *f, const struct outcome *o)
{
	lock(f);
	f->out = *o;
	struct waiter *w = end(f, FINISHED);
	unlock(f);
	if (w)
		waiter_add(w, f);
}

bool future_cancel(struct future *f)
{
	lock(f);
	bool ok = f->state == PENDING;
	struct waiter *w = ok ? end(f, CANCELLED) : NULL;
	unlock(f);
	if (w)
		waiter_add(w, f);
	return ok;
}

int future_result(struct future *f, long *value)
{
	lock(f);
	while (f->state != FINISHED && f->state != CANCELLED) {
		// TODO(lab07): sleep on f->over (pthread_cond_wait) instead of polling
		unlock(f);
		sched_yield();
		lock(f);
	}
	int err = f->state == CANCELLED ? ECANCELED : f->out.err;
	if (err == 0 && value)
		*value = f->out.value;
	unlock(f);
	return err;
}

const char *future_error(struct future *f)
{
	lock(f);
	const char *msg = f->state == CANCELLED ? "cancelled" : f->out.msg;
	unlock(f);
	return msg;
}

bool future_cancelled(struct future *f)
{
	lock(f);
	bool c = f->state == CANCELLED;
	unlock(f);
	return c;
}
