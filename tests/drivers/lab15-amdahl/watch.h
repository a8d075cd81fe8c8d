/* watch.h: what threadcheck sees of the lab's threads. pthread_create and
 * pthread_join are wrapped (-Wl,--wrap, see drivers.mk): the threads made,
 * their kernel ids, which were joined. So are do_part and unit_sum: which
 * thread computed each unit. A thread that starts a part waits at a meeting
 * point until every part has started. Included once, by threadcheck.c,
 * after _GNU_SOURCE (for gettid). */
#ifndef WATCH_H
#define WATCH_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "amdahl.h"

enum { MAXT = 64, MAXU = 128 };
static struct thread {
	pthread_t id;
	pid_t tid; /* written by the thread itself, read after its join */
	bool joined;
	void *(*fn)(void *);
	void *arg;
} made[MAXT];
static int nmade, want, started, kase; /* want: the parts with units */
static pid_t caller, who[MAXU];        /* who computed each unit */
static int times[MAXU], outside;       /* and how often */
static long lo, hi;                    /* the case's units: [lo, hi) */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t met = PTHREAD_COND_INITIALIZER;
static char why[300]; /* the first thing that went wrong in this case */

/* Keeps the first failure of the case, and frees any waiting thread. */
static void fail(const char *fmt, ...)
{
	va_list ap;
	pthread_mutex_lock(&lock);
	if (!why[0]) {
		va_start(ap, fmt);
		vsnprintf(why, sizeof why, fmt, ap);
		va_end(ap);
	}
	pthread_cond_broadcast(&met);
	pthread_mutex_unlock(&lock);
}

/* A thread starts its part: wait until every part with units has. */
static void meet(void)
{
	static __thread int my_case; /* the case this thread has met in */
	if (gettid() == caller) {
		fail("a part ran on the calling thread, not on a thread of "
		     "its own");
		return;
	}
	if (my_case == kase) {
		fail("one thread ran two parts");
		return;
	}
	my_case = kase;
	struct timespec end;
	clock_gettime(CLOCK_REALTIME, &end);
	end.tv_sec += 3;
	pthread_mutex_lock(&lock);
	if (++started == want)
		pthread_cond_broadcast(&met);
	while (started < want && !why[0])
		if (pthread_cond_timedwait(&met, &lock, &end) == ETIMEDOUT)
			break;
	int late = started < want && !why[0] ? started : -1;
	pthread_mutex_unlock(&lock);
	if (late >= 0)
		fail("after 3 s, only %d of the %d parts had started: they do "
		     "not run at once",
		     late, want);
}

/* Notes that the calling thread computes `count` units from `first`.
 * Relaxed atomics: they give ThreadSanitizer no order between threads. */
static void note(long first, long count)
{
	for (long u = first; u < first + count && u < hi + MAXU; u++) {
		if (u < lo || u >= hi) {
			__atomic_fetch_add(&outside, 1, __ATOMIC_RELAXED);
			continue;
		}
		__atomic_store_n(&who[u - lo], gettid(), __ATOMIC_RELAXED);
		__atomic_fetch_add(&times[u - lo], 1, __ATOMIC_RELAXED);
	}
}

/* The wrapped calls; the lab reaches the real ones through these. */
void *__real_do_part(void *part);
uint64_t __real_unit_sum(long unit, long size);
int __real_pthread_create(pthread_t *, const pthread_attr_t *,
			  void *(*)(void *), void *);
int __real_pthread_join(pthread_t, void **);

void *__wrap_do_part(void *arg)
{
	struct part *p = arg;
	if (p->count > 0) {
		meet();
		note(p->first, p->count);
	}
	return __real_do_part(arg);
}

/* For a thread function of the lab's own that calls unit_sum. */
uint64_t __wrap_unit_sum(long unit, long size)
{
	static __thread int my_case;
	if (my_case != kase) {
		meet(); /* sets its own my_case: one meeting a thread */
		my_case = kase;
	}
	note(unit, 1);
	return __real_unit_sum(unit, size);
}

static void *begin(void *arg)
{
	struct thread *t = arg;
	t->tid = gettid();
	return t->fn(t->arg);
}

int __wrap_pthread_create(pthread_t *id, const pthread_attr_t *attr,
			  void *(*fn)(void *), void *arg)
{
	if (nmade == MAXT) {
		fail("more than %d threads", MAXT);
		return __real_pthread_create(id, attr, fn, arg);
	}
	struct thread *t = &made[nmade];
	*t = (struct thread){.fn = fn, .arg = arg};
	int err = __real_pthread_create(id, attr, begin, t);
	if (err == 0)
		t->id = *id, nmade++;
	return err;
}

int __wrap_pthread_join(pthread_t id, void **ret)
{
	/* The joining thread waits for this one, which may wait for parts
	 * not yet made: with fewer threads made than parts, nothing runs at
	 * once. */
	if (nmade < want)
		fail("it joined a thread before it had made one for every "
		     "part: the parts run one after another");
	int err = __real_pthread_join(id, ret);
	for (int i = 0; err == 0 && i < nmade; i++)
		if (pthread_equal(made[i].id, id))
			made[i].joined = true;
	return err;
}

#endif
