/* owner.c: the recursive lock: main takes it 3 times, another thread
 * tries to release it, main gives it back; then a plain error-checking
 * mutex taken twice, and the library's PTHREAD_MUTEX_RECURSIVE. */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "rlock.h"
#include "wb.h"

static struct rlock l;

static void *stranger(void *arg)
{
	*(int *)arg = rlock_release(&l);
	return NULL;
}

void demo_rlock(const struct sizes *z)
{
	(void)z;
	pthread_t t;
	int rc = 0;
	rlock_init(&l);
	atomic_store(&demo_now, "main took the rlock it already held");
	for (int i = 0; i < 3; i++)
		rlock_acquire(&l);
	atomic_fetch_add(&demo_progress, 1);
	wb_check(pthread_create(&t, NULL, stranger, &rc), "pthread_create");
	wb_check(pthread_join(t, NULL), "pthread_join");
	printf("rlock: main took it 3 times; a release by another thread: "
	       "%s\n",
	       rc ? strerror(rc) : "ACCEPTED (anyone may free it)");
	for (int i = 0; i < 3; i++)
		rc = rlock_release(&l);
	int extra = rlock_release(&l);
	printf("rlock: main's 3 releases, the last returned %d; a 4th: %s\n",
	       rc, extra ? strerror(extra) : "accepted");
	rlock_destroy(&l);

	pthread_mutex_t m;
	pthread_mutexattr_t a;
	wb_check(pthread_mutexattr_init(&a), "pthread_mutexattr_init");
	wb_check(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK),
		 "pthread_mutexattr_settype");
	wb_check(pthread_mutex_init(&m, &a), "pthread_mutex_init");
	wb_check(pthread_mutex_lock(&m), "pthread_mutex_lock");
	rc = pthread_mutex_lock(&m);
	printf("rlock: a plain (error-checking) mutex taken twice: %s; "
	       "PTHREAD_MUTEX_RECURSIVE is the library's rlock\n",
	       strerror(rc));
	wb_check(pthread_mutex_unlock(&m), "pthread_mutex_unlock");
	wb_check(pthread_mutex_destroy(&m), "pthread_mutex_destroy");
	wb_check(pthread_mutexattr_destroy(&a), "pthread_mutexattr_destroy");
}
