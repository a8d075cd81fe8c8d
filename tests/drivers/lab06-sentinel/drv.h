/* drv.h: what lab06's test drivers share: queue calls on threads of their
 * own, deadlines, a verdict line, and (waits.h) the lab's condition variable
 * waits seen from outside. Each driver includes this file once, first (it
 * defines _GNU_SOURCE). */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_gettid) */

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "queue.h"
#include "waits.h"
#include "verdict.h"
#include "wb.h"

/* One queue call on a thread of its own. */
struct call {
	struct queue *q;
	struct item it;   /* put: what to put; get: what it got */
	int spurious;     /* waits that return at once, as if woken */
	atomic_int tid;   /* its kernel thread id, for /proc; 0 until known */
	bool ok;          /* what put or get returned */
	void *arg;        /* what else a driver's own thread needs */
	atomic_bool done; /* the call has returned */
	pthread_t thread;
};

static inline void *drv_get(void *arg)
{
	struct call *c = arg;
	drv_spurious = c->spurious;
	atomic_store(&c->tid, (int)syscall(SYS_gettid));
	c->ok = queue_get(c->q, &c->it);
	atomic_store(&c->done, true);
	return NULL;
}

static inline void *drv_put(void *arg)
{
	struct call *c = arg;
	drv_spurious = c->spurious;
	atomic_store(&c->tid, (int)syscall(SYS_gettid));
	c->ok = queue_put(c->q, c->it);
	atomic_store(&c->done, true);
	return NULL;
}

static inline void drv_start(struct call *c, void *(*fn)(void *))
{
	wb_check(pthread_create(&c->thread, NULL, fn, c), "pthread_create");
}

/* Waits up to ms for the n calls c[] to return; returns how many have. */
static inline int drv_done(struct call *c, int n, long ms)
{
	uint64_t start = wb_now_ns();
	for (;;) {
		int done = 0;
		for (int i = 0; i < n; i++)
			done += atomic_load(&c[i].done);
		if (done == n || drv_ms_since(start) >= ms)
			return done;
		wb_sleep_ns(200000);
	}
}

static inline void drv_join(struct call *c, int n)
{
	for (int i = 0; i < n; i++)
		wb_check(pthread_join(c[i].thread, NULL), "pthread_join");
}

/* Waits up to ms until n threads are inside a wrapped wait, then takes and
 * drops the mutex of the last one: a thread that holds it can only have let
 * go of it in the wait, so it sleeps on its condition by now. False (after
 * ms) if they never get there, as when the queue polls. */
static inline bool drv_asleep(int n, long ms)
{
	uint64_t start = wb_now_ns();
	while (atomic_load(&drv_inside) != n) {
		if (drv_ms_since(start) >= ms)
			return false;
		wb_sleep_ns(200000);
	}
	pthread_mutex_t *m = atomic_load(&drv_mutex);
	wb_check(pthread_mutex_lock(m), "pthread_mutex_lock");
	wb_check(pthread_mutex_unlock(m), "pthread_mutex_unlock");
	return true;
}

/* Returns the result of queue_get(q, it), or fails if it does not return
 * within a second. */
static inline bool drv_get_now(struct queue *q, struct item *it,
			       const char *what)
{
	struct call c = {.q = q};
	drv_start(&c, drv_get);
	if (drv_done(&c, 1, 1000) < 1)
		drv_fail("%s: get still waits after a second", what);
	drv_join(&c, 1);
	*it = c.it;
	return c.ok;
}

#endif
