/* checkrobust.c: lab12's test driver for robust_take (lock.c), on a mutex
 * the driver makes itself (process-shared, robust). A child takes the lock,
 * adds 1 to the count but not yet to its tally, and is killed. robust_take
 * must then return 1 holding the lock, with the count set back to the sum
 * of the tallies and pthread_mutex_consistent called once (it is wrapped);
 * after one unlock the lock must work for every process again. When nobody
 * died, robust_take just takes the lock. Prints "checkrobust: ok" last. */
#include "drv.h"

int __real_pthread_mutex_consistent(pthread_mutex_t *m);

static int consistents; /* calls of pthread_mutex_consistent */

int __wrap_pthread_mutex_consistent(pthread_mutex_t *m)
{
	consistents++;
	return __real_pthread_mutex_consistent(m);
}

/* What a child of ours gets from pthread_mutex_trylock (and lets go). */
static int child_trylock(pthread_mutex_t *m)
{
	pid_t pid = fork();
	if (pid == -1)
		drv_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		int rc = pthread_mutex_trylock(m);
		if (rc == 0 || rc == EOWNERDEAD)
			pthread_mutex_unlock(m); /* may fail: not consistent */
		_exit(rc);
	}
	int st = drv_reap(pid);
	if (!WIFEXITED(st))
		drv_fail("a child trying the lock was killed (status %d)", st);
	return WEXITSTATUS(st);
}

int main(void)
{
	drv_name = "checkrobust";
	drv_deadline(5);
	struct counter *c = drv_shared(sizeof *c);
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&c->lock, &a);
	c->procs = 3;
	c->tally[0] = 5, c->tally[1] = 7, c->value = 12;

	drv_doing = "in robust_take, nobody having died";
	int r = robust_take(c);
	if (r != 0 || consistents != 0)
		drv_fail("nobody died, yet robust_take returned %d and called "
			 "pthread_mutex_consistent %d times",
			 r, consistents);
	if (child_trylock(&c->lock) != EBUSY)
		drv_fail("robust_take returned without the lock held");
	pthread_mutex_unlock(&c->lock);

	pid_t pid = fork();
	if (pid == -1)
		drv_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		pthread_mutex_lock(&c->lock);
		c->value++; /* half-way: the tally is not updated yet */
		raise(SIGKILL);
	}
	int st = drv_reap(pid);
	if (!WIFSIGNALED(st))
		drv_fail("the holder was meant to be killed (status %d)", st);

	drv_doing = "in robust_take, after the holder died";
	r = robust_take(c);
	if (r != 1)
		drv_fail("the holder died, yet robust_take returned %d, not 1",
			 r);
	if (child_trylock(&c->lock) != EBUSY)
		drv_fail("robust_take recovered but returned without the lock "
			 "held");
	if (c->value != 12)
		drv_fail("the count is %ld after the repair; the tallies sum "
			 "to 12 (call counter_repair)",
			 c->value);
	if (consistents != 1)
		drv_fail("pthread_mutex_consistent was called %d times: "
			 "expected once, after the repair",
			 consistents);
	int rc = pthread_mutex_unlock(&c->lock);
	if (rc)
		drv_fail("unlocking after the recovery: %s", strerror(rc));
	rc = child_trylock(&c->lock);
	if (rc)
		drv_fail("after the recovery and one unlock, another process "
			 "gets %s from the lock",
			 strerror(rc));
	drv_doing = "in robust_take, after the recovery";
	r = robust_take(c);
	if (r != 0 || consistents != 1)
		drv_fail("after the recovery robust_take returned %d", r);
	pthread_mutex_unlock(&c->lock);
	printf("checkrobust: ok: the count repaired, the lock consistent and "
	       "usable again\n");
	return 0;
}
