/* event.c: the flag lives under a mutex; a waiter sleeps on a condition
 * variable until the flag is up. The timed wait hands the kernel an
 * absolute deadline on the monotonic clock, so a wall-clock jump and a
 * spurious wake-up both leave the deadline where it was. */
#include <errno.h>
#include <time.h>

#include "event.h"
#include "wb.h"

void event_init(struct event *e)
{
	pthread_condattr_t a;
	e->flag = false;
	wb_check(pthread_mutex_init(&e->lock, NULL), "pthread_mutex_init");
	/* pthread_cond_timedwait reads its deadline on the clock of the
	 * condition: make that the monotonic one (the default is
	 * CLOCK_REALTIME, which jumps when the date is set). */
	wb_check(pthread_condattr_init(&a), "pthread_condattr_init");
	wb_check(pthread_condattr_setclock(&a, CLOCK_MONOTONIC),
		 "pthread_condattr_setclock");
	wb_check(pthread_cond_init(&e->changed, &a), "pthread_cond_init");
	wb_check(pthread_condattr_destroy(&a), "pthread_condattr_destroy");
}

void event_destroy(struct event *e)
{
	wb_check(pthread_cond_destroy(&e->changed), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&e->lock), "pthread_mutex_destroy");
}

static void lock(struct event *e)
{
	wb_check(pthread_mutex_lock(&e->lock), "pthread_mutex_lock");
}

static void unlock(struct event *e)
{
	wb_check(pthread_mutex_unlock(&e->lock), "pthread_mutex_unlock");
}

void event_set(struct event *e)
{
	lock(e);
	e->flag = true;
	wb_check(pthread_cond_broadcast(&e->changed), "pthread_cond_broadcast");
	unlock(e);
}

void event_clear(struct event *e)
{
	lock(e);
	e->flag = false;
	unlock(e);
}

bool event_wait(struct event *e, long ms)
{
	lock(e);
	// TODO(lab05): sleep on e->changed instead of polling; a timed wait takes an absolute CLOCK_MONOTONIC deadline
	uint64_t end = wb_now_ns() + (uint64_t)ms * 1000000u;
	while (!e->flag && (ms < 0 || wb_now_ns() < end)) {
		unlock(e);
		wb_sleep_ns(1000000); // look again in 1 ms
		lock(e);
	}
	bool set = e->flag;
	unlock(e);
	return set;
}
