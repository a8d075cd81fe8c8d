/* omptree.c: the same tree as steal, with OpenMP tasks (#pragma omp task)
 * beside this lab's deques with stealing: both times, the median of a few
 * runs. Run: make lab20 PROG=omptree ARGS="--workers 2". OpenMP's runtime
 * (libgomp) has its own task queues; this asks how close ours comes. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "tree.h"
#include "wb.h"

static const char *const shapes[] = {"balanced", "skewed", NULL};
static int shape = SKEWED;
static long workers = 2, depth = 16, grain = 2000, reps = 5;
static bool csv;
static long sum;

struct padded {
	long v;
} __attribute__((aligned(64)));
static struct padded *sums; /* one per OpenMP thread */

/* The tree again: spawn both parts, no taskwait, as tree_task does; the
 * barrier at the end of the parallel region waits for every task. */
static void node(long lo, long hi)
{
	if (hi - lo == 1) {
#ifdef _OPENMP
		sums[omp_get_thread_num()].v += tree_leaf(lo);
#endif
		return;
	}
	long mid = tree_split(lo, hi);
#pragma omp task
	node(lo, mid);
#pragma omp task
	node(mid, hi);
}

static double openmp(void *arg)
{
	(void)arg;
#ifdef _OPENMP
	uint64_t t0 = wb_now_ns();
	for (long i = 0; i < workers; i++)
		sums[i].v = 0;
#pragma omp parallel num_threads((int)workers)
#pragma omp single
	node(0, 1L << depth);
	double ms = (double)(wb_now_ns() - t0) / 1e6;
	sum = 0;
	for (long i = 0; i < workers; i++)
		sum += sums[i].v;
	return ms;
#else
	wb_usage_error("omptree: built without OpenMP (-fopenmp)");
#endif
}

static double stealing(void *arg)
{
	(void)arg;
	struct sched s;
	sched_init(&s, (int)workers, STEALING);
	uint64_t t0 = wb_now_ns();
	sched_run(&s, tree_task, 0, 1L << depth);
	double ms = (double)(wb_now_ns() - t0) / 1e6;
	sum = 0;
	for (int i = 0; i < s.n; i++)
		sum += s.w[i].value;
	sched_destroy(&s);
	return ms;
}

/* Runs f reps times after one warm-up; fails if a sum came out wrong. */
static struct wb_stats measure(double (*f)(void *), const char *name)
{
	struct wb_stats st = wb_measure(f, NULL, 1, (int)reps);
	if (sum != tree_expected(1L << depth)) {
		fprintf(stderr, "omptree: %s: sum %ld, expected %ld\n", name,
			sum, tree_expected(1L << depth));
		exit(1);
	}
	return st;
}

int main(int argc, char **argv)
{
	struct wb_opt opts[] = {
		WB_INT("workers", &workers, 1, 64, "threads for both"),
		WB_CHOICE("shape", &shape, shapes, "the tree's shape"),
		WB_INT("depth", &depth, 1, 20, "the tree has 2^depth leaves"),
		WB_INT("grain", &grain, 1, 1000000,
		       "work per leaf (wb_burn's n)"),
		WB_INT("reps", &reps, 1, 50, "runs each; the median counts"),
		WB_FLAG("csv", &csv, "print one CSV row"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "omptree",
		 "the tree on OpenMP tasks and on this lab's deques", opts);
	tree_shape = (enum shape)shape;
	tree_grain = (uint64_t)grain;
	/* Each sum on a cache line of its own: calloc (wb_alloc) aligns to 16
	 * bytes only, so ask for the struct's own alignment. */
	size_t bytes = (size_t)workers * sizeof *sums;
	sums = aligned_alloc(_Alignof(struct padded), bytes);
	if (!sums)
		wb_die("aligned_alloc", ENOMEM);
	memset(sums, 0, bytes);
	struct wb_stats o = measure(openmp, "openmp");
	struct wb_stats s = measure(stealing, "stealing");
	free(sums);
	if (csv) {
		printf("shape,depth,workers,grain,openmp_ms,stealing_ms,"
		       "ratio\n%s,%ld,%ld,%ld,%.2f,%.2f,%.2f\n",
		       shapes[shape], depth, workers, grain, o.median, s.median,
		       s.median / o.median);
		return 0;
	}
	printf("a %s tree of %ld tasks on %ld threads, median of %ld runs\n",
	       shapes[shape], (2L << depth) - 1, workers, reps);
	printf("OpenMP tasks:        %8.1f ms (min %.1f, max %.1f)\n", o.median,
	       o.min, o.max);
	printf("deques and stealing: %8.1f ms (min %.1f, max %.1f)\n", s.median,
	       s.min, s.max);
	printf("stealing takes %.2fx the time of OpenMP tasks\n",
	       s.median / o.median);
	return 0;
}
