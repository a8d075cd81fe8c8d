/* blap.c: the barrier, used again and again. First a lap forced on
 * purpose: a slow thread, woken, lets a fast one come back for the next
 * round before it looks; both must still get through. Then 3 threads x
 * 10000 rounds, every third wait spurious: nobody leaves a round before all
 * have come, and one thread a round is told it was last.
 * Run by tests/lab05-waiting.bats; prints "blap: ok" last. */
#include "drv.h"

#include "barrier.h"

#define LAPS    10
#define THREADS 3
#define ROUNDS  10000

static struct barrier b;
static atomic_long progress, slow_came;
static atomic_int came[ROUNDS], last[ROUNDS];

/* The slow thread, woken, waits for the fast one to sleep in the barrier
 * again (its next round) before it goes on. */
static void slow_start(void)
{
	uint64_t start = wb_now_ns();
	while (atomic_load(&drv_inside) < 1 && drv_ms_since(start) < 200)
		wb_sleep_ns(100000);
}

static void *slow(void *arg)
{
	(void)arg;
	drv_woken = slow_start;
	for (long r = 0; r < LAPS; r++) {
		atomic_store(&slow_came, r + 1);
		barrier_wait(&b);
		atomic_fetch_add(&progress, 1);
	}
	return NULL;
}

/* In even rounds it comes after the slow one sleeps; in odd ones at once. */
static void *fast(void *arg)
{
	(void)arg;
	for (long r = 0; r < LAPS; r++) {
		uint64_t start = wb_now_ns();
		while (r % 2 == 0 && drv_ms_since(start) < 200 &&
		       (atomic_load(&slow_came) <= r ||
			atomic_load(&drv_inside) < 1))
			wb_sleep_ns(100000);
		barrier_wait(&b);
		atomic_fetch_add(&progress, 1);
	}
	return NULL;
}

static void *many(void *arg)
{
	(void)arg;
	drv_spurious = 3;
	for (long r = 0; r < ROUNDS; r++) {
		atomic_fetch_add(&came[r], 1);
		atomic_fetch_add(&last[r], barrier_wait(&b));
		int n = atomic_load(&came[r]);
		if (n != THREADS)
			drv_fail("round %ld: a thread left the barrier when "
				 "only %d of %d had come",
				 r, n, THREADS);
		atomic_fetch_add(&progress, 1);
	}
	return NULL;
}

/* Runs fn on n threads; fails if they stop making progress for a second. */
static void run(int n, void *(*fn[])(void *), long steps, const char *why)
{
	pthread_t t[THREADS];
	atomic_store(&progress, 0);
	for (int i = 0; i < n; i++)
		wb_check(pthread_create(&t[i], NULL, fn[i], NULL),
			 "pthread_create");
	long seen = -1;
	uint64_t moved = wb_now_ns();
	while (atomic_load(&progress) < steps) {
		wb_sleep_ns(1000000);
		if (atomic_load(&progress) != seen) {
			seen = atomic_load(&progress);
			moved = wb_now_ns();
		} else if (drv_ms_since(moved) > 1000) {
			drv_fail("stuck after %ld of %ld crossings: %s", seen,
				 steps, why);
		}
	}
	for (int i = 0; i < n; i++)
		wb_check(pthread_join(t[i], NULL), "pthread_join");
}

int main(void)
{
	drv_name = "blap";
	barrier_init(&b, 2);
	void *(*pair[])(void *) = {slow, fast};
	run(2, pair, 2 * LAPS,
	    "a fast thread came back for the next round before a slow one "
	    "had looked, and the slow one waits on (ask the generation, not "
	    "the count)");
	printf("%d rounds, a fast thread lapping a slow one: all through\n",
	       LAPS);
	barrier_destroy(&b);

	barrier_init(&b, THREADS);
	void *(*three[])(void *) = {many, many, many};
	run(THREADS, three, (long)THREADS * ROUNDS,
	    "a wake-up was lost in the barrier");
	for (long r = 0; r < ROUNDS; r++)
		if (last[r] != 1)
			drv_fail("round %ld: barrier_wait returned true in %d "
				 "threads, not 1",
				 r, last[r]);
	barrier_destroy(&b);
	printf("%d threads x %d rounds, every third wait spurious: nobody "
	       "left a round early\n",
	       THREADS, ROUNDS);
	puts("blap: ok");
	return 0;
}
