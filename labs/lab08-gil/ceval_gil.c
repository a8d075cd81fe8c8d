/* ceval_gil.c: the toy GIL's protocol, after CPython's take_gil and
 * drop_gil (Python/ceval_gil.c): a waiter waits one switch interval at a
 * time; if the holder did not change meanwhile, it sets the drop request;
 * the holder sees it between bytecodes, drops, and (forced switching) waits
 * until another thread has taken the lock before it asks for it again. */
#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "ceval_gil.h"
#include "wb.h"

void gil_init(struct gil *g, bool enabled, long interval_us)
{
	pthread_condattr_t attr;
	*g = (struct gil){.enabled = enabled, .interval_us = interval_us};
	atomic_init(&g->drop_request, false);
	wb_check(pthread_mutex_init(&g->mutex, NULL), "pthread_mutex_init");
	wb_check(pthread_mutex_init(&g->switch_mutex, NULL),
		 "pthread_mutex_init");
	/* The timed waits count on the monotonic clock, like wb_now_ns. */
	wb_check(pthread_condattr_init(&attr), "pthread_condattr_init");
	wb_check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC),
		 "pthread_condattr_setclock");
	wb_check(pthread_cond_init(&g->cond, &attr), "pthread_cond_init");
	pthread_condattr_destroy(&attr);
	wb_check(pthread_cond_init(&g->switch_cond, NULL), "pthread_cond_init");
}

void gil_destroy(struct gil *g)
{
	wb_check(pthread_cond_destroy(&g->cond), "pthread_cond_destroy");
	wb_check(pthread_cond_destroy(&g->switch_cond), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&g->mutex), "pthread_mutex_destroy");
	wb_check(pthread_mutex_destroy(&g->switch_mutex),
		 "pthread_mutex_destroy");
}

static void lock(pthread_mutex_t *m)
{
	wb_check(pthread_mutex_lock(m), "pthread_mutex_lock");
}

static void unlock(pthread_mutex_t *m)
{
	wb_check(pthread_mutex_unlock(m), "pthread_mutex_unlock");
}

void gil_take(struct gil *g, struct tstate *t)
{
	if (!g->enabled)
		return;
	lock(&g->mutex);
	// TODO(lab08): wait at most interval_us; on a timeout with no switch meanwhile, set the drop request and count it
	while (g->locked)
		wb_check(pthread_cond_wait(&g->cond, &g->mutex),
			 "pthread_cond_wait");
	/* switch_mutex too: drop's forced switching reads last_holder. */
	lock(&g->switch_mutex);
	g->locked = true;
	if (g->last_holder != t) {
		g->last_holder = t;
		g->switch_number++;
	}
	wb_check(pthread_cond_signal(&g->switch_cond), "pthread_cond_signal");
	unlock(&g->switch_mutex);
	/* Whoever asked, the switch has happened: the request is served. */
	atomic_store(&g->drop_request, false);
	unlock(&g->mutex);
}

void gil_drop(struct gil *g, struct tstate *t)
{
	if (!g->enabled)
		return;
	lock(&g->mutex);
	if (!g->locked || g->last_holder != t) {
		/* CPython: Py_FatalError("drop_gil: GIL is not locked"). */
		fprintf(stderr,
			"%s: gil_drop: thread %d does not hold the GIL\n",
			wb_prog, t->id);
		fflush(stderr);
		_exit(1);
	}
	g->locked = false;
	wb_check(pthread_cond_signal(&g->cond), "pthread_cond_signal");
	unlock(&g->mutex);
	// TODO(lab08): forced switching: after a drop request, wait on switch_cond until another thread holds the GIL
}

void eval_breaker(struct gil *g, struct tstate *t)
{
	// TODO(lab08): if a drop was requested, drop the GIL and take it again
	(void)g, (void)t;
}

/* PyEval_SaveThread: drop_gil. */
void gil_blocking_begin(struct gil *g, struct tstate *t)
{
	gil_drop(g, t);
}

/* PyEval_RestoreThread: take_gil. */
void gil_blocking_end(struct gil *g, struct tstate *t)
{
	gil_take(g, t);
}
