/* created.h: counts the threads the lab creates (pthread_create is
 * wrapped, see drivers.mk), so a driver can tell a worker thread that
 * ended from one not started yet. Include after drv.h. */
#ifndef CREATED_H
#define CREATED_H

int __real_pthread_create(pthread_t *t, const pthread_attr_t *attr,
			  void *(*fn)(void *), void *arg);

static atomic_int drv_created; /* threads created since the last reset */

int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *attr,
			  void *(*fn)(void *), void *arg)
{
	int rc = __real_pthread_create(t, attr, fn, arg);
	if (rc == 0)
		atomic_fetch_add(&drv_created, 1);
	return rc;
}

/* How many of the threads created since the reset have ended, given the
 * threads there were before (base). Created first, then counted: a
 * thread created in between only adds to the count. */
static inline int drv_ended(int base)
{
	int created = atomic_load(&drv_created);
	int ended = created - (drv_threads() - base);
	return ended > 0 ? ended : 0;
}

#endif
