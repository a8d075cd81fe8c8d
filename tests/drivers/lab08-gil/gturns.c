/* gturns.c: 4 CPU-bound threads run bytecodes under the GIL (switch
 * interval 100 us). At most one may be inside a bytecode at any moment;
 * each must get turns while the others still have work (no starvation);
 * the GIL must count its switches and drop requests. */
#include "drv.h"

#define THREADS   4
#define BYTECODES 40000 /* each: about 10 ms of work */

static struct gil g;
static struct tstate ts[THREADS];
static pthread_barrier_t go;
static atomic_int inside, most, finished;
static atomic_long ran[THREADS];
static atomic_int starved = -1; /* a thread that had run nothing yet */
static int last = -1;           /* who ran the last bytecode (GIL) */
static long changes;            /* holder changes seen (GIL) */

static void *thread(void *arg)
{
	struct tstate *t = arg;
	int rc = pthread_barrier_wait(&go);
	if (rc != 0 && rc != PTHREAD_BARRIER_SERIAL_THREAD)
		wb_die("pthread_barrier_wait", rc);
	gil_take(&g, t);
	for (int i = 0; i < BYTECODES; i++) {
		int n = atomic_fetch_add(&inside, 1) + 1;
		if (n > atomic_load(&most))
			atomic_store(&most, n);
		if (last != t->id)
			changes++, last = t->id;
		if (wb_burn(300) == 1)
			abort();
		atomic_fetch_add(&ran[t->id], 1);
		atomic_fetch_sub(&inside, 1);
		eval_breaker(&g, t);
	}
	/* The first to finish: had every other thread had a turn? */
	if (atomic_fetch_add(&finished, 1) == 0)
		for (int i = 0; i < THREADS; i++)
			if (atomic_load(&ran[i]) == 0)
				atomic_store(&starved, i);
	gil_drop(&g, t);
	return NULL;
}

int main(void)
{
	drv_begin("gturns");
	drv_deadline(8000, 1,
		     "4 CPU-bound threads did not finish within 8 s under "
		     "the GIL");
	gil_init(&g, true, 100);
	wb_check(pthread_barrier_init(&go, NULL, THREADS),
		 "pthread_barrier_init");
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++) {
		ts[i].id = i;
		drv_start(&t[i], thread, &ts[i]);
	}
	for (int i = 0; i < THREADS; i++)
		drv_join(t[i]);
	if (atomic_load(&most) != 1)
		drv_fail(
			"%d threads were inside a bytecode at the same moment: "
			"with the GIL at most 1 may be",
			atomic_load(&most));
	if (atomic_load(&starved) >= 0)
		drv_fail(
			"thread %d had run no bytecode when another had run "
			"all its %d: a waiter must ask the holder to drop the "
			"GIL after an interval, and the holder must drop it in "
			"eval_breaker",
			atomic_load(&starved), BYTECODES);
	if (g.drop_requests < 1)
		drv_fail("the GIL changed hands %ld times but drop_requests is "
			 "%ld: count each request a waiter sets",
			 changes, g.drop_requests);
	if (g.switch_number < (unsigned long)changes - 1)
		drv_fail("the driver saw the holder change %ld times, but "
			 "switch_number is %lu",
			 changes, g.switch_number);
	printf("%ld holder changes, %lu switches, %ld drop requests\n", changes,
	       g.switch_number, g.drop_requests);
	gil_destroy(&g);
	puts("gturns: ok");
	return 0;
}
