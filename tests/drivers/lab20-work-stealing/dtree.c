/* dtree.c [MAXW]: the scheduler runs trees of known sum, with tasks of
 * this driver's own: every task exactly once, the sum exact, for 1 to
 * MAXW (16) workers, both strategies, balanced and skewed trees. With 2
 * workers or more, the root task waits until one of its two children runs
 * on another thread, so a steal (or, central, another worker's take) must
 * happen. Prints "dtree: ok" last. */
#include "drv.h"

#include "created.h"

#define LEAVES 256 /* 511 tasks */

static atomic_int leaf_runs[LEAVES], inner_runs[LEAVES];
static atomic_long sum;
static atomic_int root_tid;
static atomic_bool moved; /* a child of the root ran on another thread */
static int workers, base;
static bool skewed;

static long split(long lo, long hi)
{
	long n = hi - lo;
	return lo + (skewed ? (n / 8 > 0 ? n / 8 : 1) : n / 2);
}

static void node(struct worker *w, long lo, long hi)
{
	if (hi - lo == 1) {
		atomic_fetch_add(&leaf_runs[lo], 1);
		atomic_fetch_add(&sum, lo * lo);
		return;
	}
	long mid = split(lo, hi);
	atomic_fetch_add(&inner_runs[mid], 1); /* mid is this node's own */
	bool is_root = lo == 0 && hi == LEAVES;
	long top = split(0, LEAVES); /* where the root splits */
	bool root_child = (lo == 0 && hi == top) || (lo == top && hi == LEAVES);
	if (root_child && drv_tid() != atomic_load(&root_tid))
		atomic_store(&moved, true);
	if (is_root)
		atomic_store(&root_tid, drv_tid());
	sched_spawn(w, node, lo, mid);
	sched_spawn(w, node, mid, hi);
	if (!is_root || workers == 1)
		return;
	/* Both children wait in this worker's deque (or the queue): another
	 * worker must take one while this one is busy here. */
	uint64_t t0 = wb_now_ns();
	while (!atomic_load(&moved)) {
		if (drv_ended(base))
			drv_fail("%d workers: a worker thread ended while the "
				 "root task still ran and its children "
				 "waited: no worker may quit while a task is "
				 "pending",
				 workers);
		if (drv_ms_since(t0) > 1000)
			drv_fail("%d workers: the root task's two children "
				 "waited 1 s in its worker's deque and no "
				 "other worker took one: idle workers must "
				 "steal",
				 workers);
		drv_nap();
	}
}

static void one(enum strategy st)
{
	for (int i = 0; i < LEAVES; i++) {
		atomic_store(&leaf_runs[i], 0);
		atomic_store(&inner_runs[i], 0);
	}
	atomic_store(&sum, 0);
	atomic_store(&root_tid, 0);
	atomic_store(&moved, false);
	struct sched s;
	atomic_store(&drv_created, 0);
	sched_init(&s, workers, st);
	sched_run(&s, node, 0, LEAVES);
	const char *what = st == CENTRAL ? "central" : "stealing";
	const char *shape = skewed ? "skewed" : "balanced";
	for (int i = 0; i < LEAVES; i++) {
		int n = atomic_load(&leaf_runs[i]);
		if (n != 1)
			drv_fail("%s, %s tree, %d workers: leaf %d ran %d "
				 "times, expected once",
				 what, shape, workers, i, n);
		n = atomic_load(&inner_runs[i]);
		if (n != (i > 0))
			drv_fail("%s, %s tree, %d workers: the task split at "
				 "%d ran %d times, expected once",
				 what, shape, workers, i, n);
	}
	long want = (long)(LEAVES - 1) * LEAVES * (2 * LEAVES - 1) / 6;
	if (atomic_load(&sum) != want)
		drv_fail("%s, %s tree, %d workers: sum %ld, expected %ld", what,
			 shape, workers, atomic_load(&sum), want);
	if (drv_threads_left(base) > 0)
		drv_fail("%s, %d workers: worker threads are left after "
			 "sched_run returned",
			 what, workers);
	sched_destroy(&s);
}

int main(int argc, char **argv)
{
	drv_begin("dtree");
	int maxw = argc > 1 ? atoi(argv[1]) : 16;
	if (maxw < 1 || maxw > 64)
		drv_fail("usage: dtree [MAXW from 1 to 64]");
	base = drv_threads_before();
	drv_deadline(8000, "the trees were not done in 8 s");
	for (workers = 1; workers <= maxw; workers++)
		for (int k = 0; k < 4; k++) {
			skewed = k & 1;
			one(k < 2 ? CENTRAL : STEALING);
		}
	printf("511 tasks each ran once and the sums were exact on 1 to %d "
	       "workers, central and stealing, balanced and skewed; with 2 "
	       "or more, another worker took one of the root's children\n",
	       maxw);
	puts("dtree: ok");
	return 0;
}
