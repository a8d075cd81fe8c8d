/* dlock.c: step_short. The driver sees every wb_burn call (-Wl,--wrap)
 * and whether the tally's spin lock, or any pthread mutex, is held by the
 * caller at that moment. One thread, 200 steps of 1000 units: no unit
 * computed while holding a lock, every unit computed once, the total and
 * the count exact. Then 4 threads x 5000 steps: not one step lost.
 * Run by tests/lab17-oversubscription.bats (also under ThreadSanitizer);
 * prints "dlock: ok" last. */
#define _GNU_SOURCE /* syscall in verdict.h */
#include <pthread.h>
#include <stdbool.h>

#include "lock.h"
#include "verdict.h"

#define STEPS   200
#define UNITS   1000
#define THREADS 4
#define TSTEPS  5000
#define TUNITS  10

static struct tally t;
static atomic_bool alone; /* one thread: a held spin lock is the caller's */
static atomic_long held_units, all_units;
static _Thread_local int mutexes; /* pthread mutexes this thread holds */

uint64_t __real_wb_burn(uint64_t n);
uint64_t __wrap_wb_burn(uint64_t n)
{
	if (mutexes > 0 || (atomic_load(&alone) && atomic_load(&t.lock.held)))
		atomic_fetch_add(&held_units, (long)n);
	atomic_fetch_add(&all_units, (long)n);
	return __real_wb_burn(n);
}

int __real_pthread_mutex_lock(pthread_mutex_t *m);
int __wrap_pthread_mutex_lock(pthread_mutex_t *m)
{
	int rc = __real_pthread_mutex_lock(m);
	mutexes += rc == 0;
	return rc;
}

int __real_pthread_mutex_unlock(pthread_mutex_t *m);
int __wrap_pthread_mutex_unlock(pthread_mutex_t *m)
{
	mutexes--;
	return __real_pthread_mutex_unlock(m);
}

static void *stepper(void *arg)
{
	(void)arg;
	for (int i = 0; i < TSTEPS; i++)
		step_short(&t, TUNITS);
	return NULL;
}

int main(void)
{
	drv_name = "dlock";
	uint64_t one = __real_wb_burn(UNITS), tone = __real_wb_burn(TUNITS);
	atomic_store(&alone, true);
	for (int i = 0; i < STEPS; i++)
		step_short(&t, UNITS);
	atomic_store(&alone, false);
	long held = atomic_load(&held_units), all = atomic_load(&all_units);
	printf("%d steps of %d units: %ld units computed, %ld of them holding "
	       "the lock\n",
	       STEPS, UNITS, all, held);
	if (all != (long)STEPS * UNITS)
		drv_fail("%d steps of %d units computed %ld units with "
			 "wb_burn: expected %ld, each step's work done once",
			 STEPS, UNITS, all, (long)STEPS * UNITS);
	if (held > 0)
		drv_fail("%ld of %ld units were computed while holding the "
			 "lock: hold it only to add the result",
			 held, all);
	if (t.steps != STEPS || t.total != STEPS * one)
		drv_fail("after %d steps: steps %ld, total %llu; expected %d "
			 "and %llu",
			 STEPS, t.steps, (unsigned long long)t.total, STEPS,
			 (unsigned long long)(STEPS * one));
	if (atomic_load(&t.lock.held))
		drv_fail("step_short returned with the lock still held");

	t = (struct tally){0};
	pthread_t th[THREADS];
	for (int i = 0; i < THREADS; i++)
		wb_check(pthread_create(&th[i], NULL, stepper, NULL),
			 "pthread_create");
	for (int i = 0; i < THREADS; i++)
		wb_check(pthread_join(th[i], NULL), "pthread_join");
	long want = (long)THREADS * TSTEPS;
	printf("%d threads x %d steps: %ld counted\n", THREADS, TSTEPS,
	       t.steps);
	if (t.steps != want || t.total != (uint64_t)want * tone)
		drv_fail("%d threads x %d steps: steps %ld, total %llu; "
			 "expected %ld and %llu: steps were lost",
			 THREADS, TSTEPS, t.steps, (unsigned long long)t.total,
			 want, (unsigned long long)((uint64_t)want * tone));
	printf("dlock: ok\n");
	return 0;
}
