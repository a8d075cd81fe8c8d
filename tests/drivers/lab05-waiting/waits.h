/* waits.h: the lab's condition variable waits, wrapped (-Wl,--wrap, see
 * drivers.mk; the idea of lab06's waits.h). A driver sees how many threads
 * sleep in one, can make every Nth wait of a thread return at once (a
 * spurious wake-up, which POSIX allows), and can make a thread slow to get
 * going again after it is woken. Included once per driver, by drv.h. */
#ifndef WAITS_H
#define WAITS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

static atomic_int drv_inside;                 /* threads inside a wait now */
static _Thread_local int drv_spurious;        /* every Nth wait returns at
					     once (0: never) */
static _Thread_local long drv_waits;          /* this thread's waits so far */
static _Thread_local void (*drv_woken)(void); /* called after a real wait,
						 with the mutex let go */

/* Counts a wait; false if it is to return at once, as if woken. */
static inline bool drv_enter(void)
{
	if (drv_spurious > 0 && ++drv_waits % drv_spurious == 0)
		return false;
	atomic_fetch_add(&drv_inside, 1);
	return true;
}

/* The wait is over: leaves it, late if this thread is to be slow. */
static inline void drv_leave(pthread_mutex_t *m)
{
	atomic_fetch_sub(&drv_inside, 1);
	if (drv_woken) {
		pthread_mutex_unlock(m);
		drv_woken();
		pthread_mutex_lock(m);
	}
}

int __real_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int __real_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *t);
int __real_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
				  clockid_t clock, const struct timespec *t);
int __wrap_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int __wrap_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *t);
int __wrap_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
				  clockid_t clock, const struct timespec *t);

int __wrap_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	if (!drv_enter())
		return 0;
	int rc = __real_pthread_cond_wait(c, m);
	drv_leave(m);
	return rc;
}

int __wrap_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *t)
{
	if (!drv_enter())
		return 0;
	int rc = __real_pthread_cond_timedwait(c, m, t);
	drv_leave(m);
	return rc;
}

int __wrap_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
				  clockid_t clock, const struct timespec *t)
{
	if (!drv_enter())
		return 0;
	int rc = __real_pthread_cond_clockwait(c, m, clock, t);
	drv_leave(m);
	return rc;
}

#endif
