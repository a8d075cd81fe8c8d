/* waits.h: the lab's condition variable waits, wrapped (-Wl,--wrap, see
 * drivers.mk): a driver sees when a thread sleeps in one, on which
 * condition, and can make a wait return at once, a spurious wake-up on
 * demand. Included once per driver, by drv.h. */
#ifndef WAITS_H
#define WAITS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

static atomic_int drv_inside;            /* threads inside a wrapped wait now */
static atomic_long drv_waits;            /* wrapped waits begun so far */
static _Thread_local int drv_spurious;   /* this thread's next waits that
					  return at once, without waiting */
static pthread_cond_t *_Atomic drv_cond; /* the last wait's condition */
static pthread_mutex_t *_Atomic drv_mutex; /* and its mutex */

/* Counts a wait; false if it is to return at once, as POSIX allows. */
static inline bool drv_enter(pthread_cond_t *c, pthread_mutex_t *m)
{
	atomic_store(&drv_cond, c);
	atomic_store(&drv_mutex, m);
	atomic_fetch_add(&drv_waits, 1);
	if (drv_spurious > 0) {
		drv_spurious--;
		return false;
	}
	atomic_fetch_add(&drv_inside, 1);
	return true;
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
	if (!drv_enter(c, m))
		return 0;
	int rc = __real_pthread_cond_wait(c, m);
	atomic_fetch_sub(&drv_inside, 1);
	return rc;
}

int __wrap_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *t)
{
	if (!drv_enter(c, m))
		return 0;
	int rc = __real_pthread_cond_timedwait(c, m, t);
	atomic_fetch_sub(&drv_inside, 1);
	return rc;
}

int __wrap_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
				  clockid_t clock, const struct timespec *t)
{
	if (!drv_enter(c, m))
		return 0;
	int rc = __real_pthread_cond_clockwait(c, m, clock, t);
	atomic_fetch_sub(&drv_inside, 1);
	return rc;
}

#endif
