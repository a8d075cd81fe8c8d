/* checkinit.c: lab12's test driver for shared_mutex_init (lock.c). It sees
 * the attributes the mutex is made with (pthread_mutex_init is wrapped):
 * process-shared and robust. Then N = 1 to 8 processes count under it
 * (count_run, mutex mode): the count must be exact, and equal to the sum
 * of what each process counted. Prints "checkinit: ok" last. */
#include "drv.h"

int __real_pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a);

static int inits, pshared = -1, robust = -1; /* seen at the last init */

int __wrap_pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	inits++;
	pshared = PTHREAD_PROCESS_PRIVATE; /* what no attributes mean */
	robust = PTHREAD_MUTEX_STALLED;
	if (a && (pthread_mutexattr_getpshared(a, &pshared) ||
		  pthread_mutexattr_getrobust(a, &robust)))
		drv_fail("pthread_mutex_init got attributes that were not "
			 "initialised");
	return __real_pthread_mutex_init(m, a);
}

int main(void)
{
	drv_name = "checkinit";
	drv_deadline(20);
	pthread_mutex_t *m = drv_shared(sizeof *m);
	drv_doing = "in shared_mutex_init";
	shared_mutex_init(m);
	if (inits != 1)
		drv_fail("shared_mutex_init called pthread_mutex_init %d "
			 "times: expected once",
			 inits);
	if (pshared != PTHREAD_PROCESS_SHARED)
		drv_fail("the mutex is process-private: another process's "
			 "unlock never wakes a waiter here "
			 "(pthread_mutexattr_setpshared)");
	if (robust != PTHREAD_MUTEX_ROBUST)
		drv_fail("the mutex is not robust: a holder that dies leaves "
			 "it taken for ever (pthread_mutexattr_setrobust)");

	const long iters = 3000;
	for (long n = 1; n <= 8; n++) {
		struct count_job job = {.mode = MUTEX,
					.procs = n,
					.iters = iters,
					.victim_at = -1,
					.watchdog_ms = 5000};
		struct count_result r;
		drv_doing = "counting under the mutex";
		count_run(&job, &r);
		if (r.killed || r.failed)
			drv_fail("%ld processes: %d were killed and %d failed "
				 "while counting",
				 n, r.killed, r.failed);
		if (r.counted != n * iters || r.tallied != r.counted)
			drv_fail("%ld processes x %ld: counted %ld, the "
				 "processes' tallies sum to %ld; expected %ld",
				 n, iters, r.counted, r.tallied, n * iters);
	}
	printf("checkinit: ok: a process-shared, robust mutex; exact counts "
	       "from 1 to 8 processes\n");
	return 0;
}
