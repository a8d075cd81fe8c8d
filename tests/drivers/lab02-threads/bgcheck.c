/* bgcheck.c: lab02's driver for chore_start and chore_lost. It sees the
 * background thread's creation, detach and joins, and checks:
 * - chore_start returns at once, having started one thread, detached
 *   (pthread_detach, from any thread, or a detached attribute) and never
 *   joined;
 * - chore_lost says how many steps are not done, as they stand when it is
 *   called: part way through a long chore, and 0 once a short one is done.
 * Then it returns from main while the long chore still runs: exit ends it.
 * Run: bgcheck; ends with "bgcheck: ok" or "bgcheck: FAIL". */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "chore.h"
#include "wb.h"

static atomic_int made;     /* threads created */
static atomic_int detached; /* the thread is detached */

int __real_pthread_create(pthread_t *t, const pthread_attr_t *a,
			  void *(*fn)(void *), void *arg);
int __real_pthread_detach(pthread_t t);
int __real_pthread_join(pthread_t t, void **ret);

int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *a,
			  void *(*fn)(void *), void *arg)
{
	int state = PTHREAD_CREATE_JOINABLE;
	if (a)
		pthread_attr_getdetachstate(a, &state);
	int rc = __real_pthread_create(t, a, fn, arg);
	if (rc == 0) {
		atomic_fetch_add(&made, 1);
		if (state == PTHREAD_CREATE_DETACHED)
			atomic_store(&detached, 1);
	}
	return rc;
}

int __wrap_pthread_detach(pthread_t t)
{
	int rc = __real_pthread_detach(t);
	if (rc == 0)
		atomic_store(&detached, 1);
	return rc;
}

/* Joining the background thread would wait for all its steps. */
int __wrap_pthread_join(pthread_t t, void **ret)
{
	printf("the background thread was joined\nbgcheck: FAIL: nobody "
	       "joins a detached thread\n");
	fflush(stdout);
	_exit(1);
	return __real_pthread_join(t, ret);
}

static void too_long(int sig)
{
	(void)sig;
	static const char msg[] = "still waiting after 5 s\nbgcheck: FAIL: "
				  "chore_start and chore_lost must not wait "
				  "for the work\n";
	if (write(1, msg, sizeof msg - 1) < 0)
		_exit(1);
	_exit(1);
}

/* Waits up to 3 s for c->done to reach want. */
static void await(struct chore *c, long want)
{
	for (int ms = 0; atomic_load(&c->done) < want && ms < 3000; ms++)
		wb_sleep_ns(1000000);
}

int main(void)
{
	signal(SIGALRM, too_long);
	alarm(5);
	int ok = 1;

	static struct chore small = {.steps = 5, .step_ns = 1000};
	chore_start(&small);
	await(&small, small.steps);
	long lost = chore_lost(&small);
	printf("short chore: %ld of %ld steps done, chore_lost says %ld\n",
	       atomic_load(&small.done), small.steps, lost);
	ok &= lost == 0 && atomic_load(&small.done) == small.steps;

	atomic_store(&made, 0);
	atomic_store(&detached, 0);
	static struct chore big = {.steps = 1000000, .step_ns = 200000};
	chore_start(&big);
	int m = atomic_load(&made);
	await(&big, 20);
	long before = atomic_load(&big.done);
	lost = chore_lost(&big);
	long after = atomic_load(&big.done);
	printf("long chore: %ld to %ld of %ld steps done, chore_lost says "
	       "%ld\n",
	       before, after, big.steps, lost);
	printf("threads created: %d, detached: %s\n", m,
	       atomic_load(&detached) ? "yes" : "no");
	ok &= before >= 20 && lost >= big.steps - after &&
	      lost <= big.steps - before;
	ok &= m == 1 && atomic_load(&detached);
	if (ok)
		printf("bgcheck: ok\n");
	else
		printf("bgcheck: FAIL: start one detached thread; chore_lost "
		       "counts the steps not done\n");
	return ok ? 0 : 1; /* the long chore is cut off here */
}
