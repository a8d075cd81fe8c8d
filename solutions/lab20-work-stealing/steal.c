/* steal.c: lab20, a tree of 2N - 1 tasks that spawn tasks, run by W
 * workers from one central queue, then from per-worker deques with
 * stealing. Run: make lab20 (or ARGS="--shape balanced --workers 8").
 * It prints the tasks each worker ran, the steals, the locks and times. */
#include <stdbool.h>
#include <stdio.h>

#include "tree.h"
#include "wb.h"

static const char *const strategies[] = {"both", "central", "stealing", NULL};
static const char *const shapes[] = {"balanced", "skewed", NULL};
static int strategy, shape = SKEWED;
static long workers = 4, depth = 16, grain = 2000;
static bool csv;
static struct sched *now; /* the run the watchdog reports on */

static void report(FILE *out, void *arg)
{
	(void)arg;
	fprintf(out, "%ld tasks pending (queued or running); ran so far:",
		atomic_load(&now->pending));
	for (int i = 0; i < now->n; i++)
		fprintf(out, " %ld", now->w[i].ran); /* racy, but stuck */
	fprintf(out, "\n");
}

static void one(enum strategy st)
{
	struct sched s;
	long leaves = 1L << depth, sum = 0, ran = 0, most = 0, by_others = 0;
	sched_init(&s, (int)workers, st);
	now = &s;
	wb_watchdog_start(2000, &s.progress, report, NULL);
	uint64_t t0 = wb_now_ns();
	sched_run(&s, tree_task, 0, leaves);
	double ms = (double)(wb_now_ns() - t0) / 1e6;
	wb_watchdog_stop();
	long locks = s.central.locks, waited = s.central.contended;
	const char *name = strategies[st + 1];
	if (!csv)
		printf("%s: %d workers\n  worker    tasks   steals   failed   "
		       "idle ms\n",
		       st == CENTRAL ? "one central queue"
				     : "a deque per worker",
		       s.n);
	for (int i = 0; i < s.n; i++) {
		struct worker *w = &s.w[i];
		double idle = (double)(w->life_ns - w->busy_ns) / 1e6;
		sum += w->value;
		ran += w->ran;
		most = w->ran > most ? w->ran : most;
		locks += w->dq.locks;
		waited += w->dq.contended;
		by_others += w->steals + w->failed;
		if (csv)
			printf("%s,%s,%ld,%ld,%d,%ld,%ld,%ld,%.2f,%.2f,%ld,%ld"
			       "\n",
			       name, shapes[shape], depth, workers, i, w->ran,
			       w->steals, w->failed, idle, ms, w->value,
			       tree_expected(leaves));
		else
			printf("  %6d %8ld %8ld %8ld %9.1f\n", i, w->ran,
			       w->steals, w->failed, idle);
	}
	if (!csv) {
		printf("  %ld tasks ran (a tree of %ld leaves has %ld); "
		       "sum %ld, expected %ld\n",
		       ran, leaves, 2 * leaves - 1, sum, tree_expected(leaves));
		printf("  the busiest worker ran %.0f%% of the tasks\n",
		       100.0 * (double)most / (double)ran);
		if (st == CENTRAL)
			printf("  one lock for all: taken %ld times, %ld of "
			       "them after waiting for another worker\n",
			       locks, waited);
		else
			printf("  %ld locks, one per deque: taken %ld times, "
			       "%ld of them by thieves, %ld after waiting\n",
			       workers, locks, by_others, waited);
		printf("  total %.1f ms\n", ms);
	}
	sched_destroy(&s);
}

int main(int argc, char **argv)
{
	struct wb_opt opts[] = {
		WB_INT("workers", &workers, 1, 64, "worker threads"),
		WB_CHOICE("strategy", &strategy, strategies,
			  "central: one queue; stealing: a deque per worker"),
		WB_CHOICE("shape", &shape, shapes,
			  "balanced: halves; skewed: an eighth and the rest"),
		WB_INT("depth", &depth, 1, 20, "the tree has 2^depth leaves"),
		WB_INT("grain", &grain, 1, 1000000,
		       "work per leaf (wb_burn's n)"),
		WB_FLAG("csv", &csv, "print one CSV row per worker"),
		WB_OPT_END,
	};
	wb_parse(
		argc, argv, "steal",
		"a tree of tasks on a central queue or on deques with stealing",
		opts);
	tree_shape = (enum shape)shape;
	tree_grain = (uint64_t)grain;
	if (csv)
		printf("strategy,shape,depth,workers,worker,tasks,steals,"
		       "failed_steals,idle_ms,total_ms,sum,expected\n");
	else
		printf("a %s tree: %ld leaves, %ld tasks; %d CPUs\n",
		       shapes[shape], 1L << depth, (2L << depth) - 1,
		       wb_cpus());
	if (strategy != 2)
		one(CENTRAL);
	if (strategy != 1)
		one(STEALING);
	return 0;
}
