/* pcollect.c: lab09's test driver for pool_collect (collect.c). Pools of
 * 1, 2, 3, 8 and 16 workers run the driver's own tasks, which finish in a
 * scrambled order; the driver hands out the tasks itself and checks that
 * every task's result comes back exactly once, right, from the worker it
 * was given to. Then a worker that stays silent (until the driver lets it
 * go) must not hold up the results of the others. Prints "pcollect: ok". */
#include "drv.h"

#include "pool.h"
#include "procs.h"

#define HOLD (-1) /* a task that waits for a byte on the go pipe */
static int go[2];

static long work(const struct task *t)
{
	char c;
	if (t->arg == HOLD && read(go[0], &c, 1) != 1)
		_exit(1);
	usleep((useconds_t)(t->id * 7 % 5) * 1000); /* scrambles the order */
	return 1000L * t->id + 7;
}

/* Runs tasks 1..n on a pool of w workers, every one exactly once. */
static void run(int w, int n)
{
	struct pool p;
	int given[POOL_MAX], *got = calloc((size_t)n + 1, sizeof *got);
	pool_start(&p, w, work);
	int next = 1, done = 0;
	while (done < n) {
		for (int i = 0; i < w && next <= n; i++)
			if (p.w[i].task < 0) {
				struct task t = {next, 0};
				if (pool_send(&p, i, &t) == -1)
					drv_fail("worker %d died", i);
				given[i] = next++;
			}
		struct result r = {0, 0};
		int i = pool_collect(&p, &r);
		if (i < 0 || i >= w)
			drv_fail(
				"%d workers, %d of %d results in: pool_collect "
				"returned %d, not a worker's index",
				w, done, n, i);
		if (r.id != given[i] || r.value != 1000L * r.id + 7)
			drv_fail(
				"%d workers: pool_collect returned task %d "
				"(value %ld) from worker %d, which was running "
				"task %d",
				w, r.id, r.value, i, given[i]);
		if (got[r.id]++)
			drv_fail("%d workers: task %d's result came twice", w,
				 r.id);
		if (p.w[i].task != -1)
			drv_fail("worker %d is not idle after its result came",
				 i);
		done++;
	}
	struct result r;
	int idle = pool_collect(&p, &r);
	if (idle != POOL_IDLE)
		drv_fail("with no task running, pool_collect returned %d, not "
			 "POOL_IDLE",
			 idle);
	pool_stop(&p, 0);
	for (int i = 0; i < w; i++)
		if (p.w[i].pid || p.w[i].status != 0)
			drv_fail("worker %d ended with wait status %#x", i,
				 p.w[i].status);
	free(got);
}

int main(void)
{
	drv_name = "pcollect";
	if (pipe(go) == -1)
		drv_fail("pipe: %s", strerror(errno));
	drv_deadline(10000, "the results did not all come within 10 s");
	int sizes[] = {1, 2, 3, 8, 16};
	for (int k = 0; k < 5; k++)
		run(sizes[k], 3 * sizes[k] + 2);

	/* worker 0 holds its result until told; workers 1 and 2 do not */
	struct pool p;
	pool_start(&p, 3, work);
	for (int i = 0; i < 3; i++) {
		struct task t = {i + 1, i == 0 ? HOLD : 0};
		pool_send(&p, i, &t);
	}
	drv_deadline(500, "pool_collect waited for worker 0, which was still "
			  "working, while workers 1 and 2 had their results "
			  "ready: wait for whichever answers first (poll)");
	struct result r;
	int a = pool_collect(&p, &r), b = pool_collect(&p, &r);
	if (a == 0 || b == 0 || a == b || a < 0 || b < 0)
		drv_fail("worker 0 was still working, yet pool_collect "
			 "returned %d and %d",
			 a, b);
	if (write(go[1], "g", 1) != 1)
		drv_fail("write: %s", strerror(errno));
	drv_deadline(2000, "worker 0's result never came out of pool_collect");
	if (pool_collect(&p, &r) != 0 || r.id != 1)
		drv_fail("after it was let go, worker 0's result did not come");
	pool_stop(&p, 0);
	printf("pcollect: ok: every result exactly once with 1 to 16 "
	       "workers; a busy worker held up nobody\n");
	return 0;
}
