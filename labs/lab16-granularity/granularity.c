/* granularity.c: lab16, how big a chunk of tasks to hand out at a time.
 * Tiny tasks one at a time: handing out costs more than the work. Skewed
 * tasks in huge chunks: one worker gets most of the work. Run: make lab16,
 * or ARGS="--tasks 2000 --task-ns 2000 --skew 10 --engine openmp". */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "granularity.h"
#include "wb.h"

static const char *const schedules[] = {"dynamic", "guided", NULL};
static const char *const engines[] = {"lab", "openmp", NULL};
static int schedule, engine;
/* Outside their ranges until given: the default run shows two jobs. */
static long tasks, task_ns = -1, chunk, workers, reps = 3;
static double skew = -1;
static bool csv;
static atomic_long runs; /* the watchdog's progress: one more per run */

#define MAXROWS 40
struct row {
	long chunk;
	struct wb_stats s; /* ms over the repetitions */
	struct outcome o;  /* the last repetition's counts */
};

static void stuck(FILE *out, void *arg)
{
	(void)arg;
	fprintf(out,
		"%s: one run took over 10 s: does next_chunk return 0 "
		"once every task is handed out?\n",
		wb_prog);
}

/* The chunk sizes to try: 1, 4, 16, ... below tasks / workers, then
 * tasks / workers (one chunk each, like schedule(static)), then all. */
static int sweep(long n, long *out)
{
	if (chunk) {
		out[0] = chunk;
		return 1;
	}
	long each = (n + workers - 1) / workers;
	int k = 0;
	for (long c = 1; c < each; c *= 4)
		out[k++] = c;
	out[k++] = each;
	if (each < n)
		out[k++] = n;
	return k;
}

static void measure(const struct job *j, long c, struct row *r)
{
	double ms[50];
	void (*run)(const struct job *, int, enum schedule, long,
		    struct outcome *) = engine ? run_openmp : run_lab;
	for (long i = -1; i < reps; i++) { /* i = -1: the warm-up */
		atomic_fetch_add(&runs, 1);
		run(j, (int)workers, (enum schedule)schedule, c, &r->o);
		if (i >= 0)
			ms[i] = r->o.ms;
	}
	r->chunk = c;
	r->s = wb_stats_of(ms, (int)reps);
}

static void report(const struct job *j, struct row *rows, int n)
{
	int best = 0, each = n - 1;
	for (int i = 0; i < n; i++) {
		best = rows[i].s.median < rows[best].s.median ? i : best;
		if (rows[i].chunk == (j->tasks + workers - 1) / workers)
			each = i;
	}
	struct row *one = &rows[0], *b = &rows[best], *e = &rows[each];
	if (engine == 0 && rows[n - 1].chunk > 1 &&
	    rows[n - 1].o.chunks == j->tasks) {
		printf("asked for chunks of %ld, the dispatcher still handed "
		       "out %ld chunks: one task at a time (TODO(lab16) in "
		       "dispatch.c)\n",
		       rows[n - 1].chunk, j->tasks);
		return;
	}
	if (n > 1 && one->chunk == 1 && j->skew == 0) {
		double extra = (one->s.median - b->s.median) * 1e6 /
			       (double)j->tasks * (double)workers;
		printf("chunk 1 took %.1f ms, chunk %ld %.1f ms: %.1fx. Each "
		       "hand-out cost its worker about %.0f ns, beside a "
		       "task of %ld ns\n",
		       one->s.median, b->chunk, b->s.median,
		       one->s.median / b->s.median, extra, j->task_ns);
	}
	if (j->skew > 0 && e->o.big_ms > 0)
		printf("chunk %ld (tasks / workers, like schedule(static)): "
		       "one chunk held %.0f%% of the work and its worker "
		       "spent %.1f ms on it; the total, %.1f ms, cannot be "
		       "shorter. The best, chunk %ld, took %.1f ms\n",
		       e->chunk, 100 * e->o.big_share, e->o.big_ms, e->o.ms,
		       b->chunk, b->s.median);
}

static void part(long n, long ns, double sk)
{
	struct job j;
	long cs[MAXROWS];
	struct row rows[MAXROWS];
	job_init(&j, n, ns, sk);
	int k = sweep(n, cs);
	if (!csv) {
		printf("\n%ld tasks of %ld ns on %ld workers, %d CPUs, %s "
		       "schedule, %s engine; median of %ld runs\n",
		       n, ns, workers, wb_cpus(), schedules[schedule],
		       engines[engine], reps);
		if (sk > 0)
			printf("skewed: task 0 takes %.0fx as long, %.0f ns, "
			       "the others less and less\n",
			       1 + sk, (1 + sk) * (double)ns);
		printf("    chunk    chunks   total ms   min ms   max ms  "
		       "biggest chunk\n");
	}
	for (int i = 0; i < k; i++) {
		struct row *r = &rows[i];
		measure(&j, cs[i], r);
		if (csv)
			printf("%s,%s,%ld,%ld,%ld,%g,%ld,%d,%.3f,%.3f,%.3f,"
			       "%ld,%.4f,%.3f\n",
			       engines[engine], schedules[schedule], workers, n,
			       ns, sk, r->chunk, wb_cpus(), r->s.median,
			       r->s.min, r->s.max, r->o.chunks, r->o.big_share,
			       r->o.big_ms);
		else if (r->o.chunks < 0)
			printf("%9ld         - %10.2f %8.2f %8.2f\n", r->chunk,
			       r->s.median, r->s.min, r->s.max);
		else
			printf("%9ld %9ld %10.2f %8.2f %8.2f  %5.1f%%\n",
			       r->chunk, r->o.chunks, r->s.median, r->s.min,
			       r->s.max, 100 * r->o.big_share);
	}
	if (!csv)
		report(&j, rows, k);
	job_free(&j);
}

int main(int argc, char **argv)
{
	workers = wb_cpus() < 2 ? 2 : wb_cpus();
	struct wb_opt opts[] = {
		WB_INT("workers", &workers, 1, 256,
		       "worker threads (default: the CPUs, at least 2)"),
		WB_INT("tasks", &tasks, 1, 2000000, "how many tasks"),
		WB_INT("task-ns", &task_ns, 0, 1000000000,
		       "how long the lightest task computes"),
		WB_DOUBLE("skew", &skew, 0, 1000,
			  "task 0 is 1 + skew times the last (0: even)"),
		WB_INT("chunk", &chunk, 1, 2000000,
		       "tasks a chunk (guided: the least); default: a sweep"),
		WB_CHOICE("schedule", &schedule, schedules,
			  "dynamic: chunks of --chunk; guided: shrinking"),
		WB_CHOICE("engine", &engine, engines,
			  "lab: dispatch.c; openmp: OpenMP's schedule()"),
		WB_INT("reps", &reps, 1, 50, "runs per chunk; the median"),
		WB_FLAG("csv", &csv, "print CSV rows for the plots"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "granularity",
		 "tasks handed out to workers a chunk at a time", opts);
	bool demo = tasks == 0 && task_ns < 0 && skew < 0;
	tasks = tasks ? tasks : 200000;
	task_ns = task_ns >= 0 ? task_ns : 20;
	skew = skew >= 0 ? skew : 0;
	if ((double)tasks * (double)task_ns * (1 + skew / 2) > 1e9)
		wb_usage_error("--task-ns: %ld tasks of %ld ns (skew %g) are "
			       "over 1 s of work a run; ask for less",
			       tasks, task_ns, skew);
	wb_watchdog_start(10000, &runs, stuck, NULL);
	if (csv)
		printf("engine,schedule,workers,tasks,task_ns,skew,chunk,cpus,"
		       "ms_median,ms_min,ms_max,chunks,big_share,big_ms\n");
	if (demo) {
		part(200000, 20, 0);  /* tiny tasks: the hand-outs show */
		part(1000, 2000, 10); /* heavy ones first: big chunks show */
	} else {
		part(tasks, task_ns, skew);
	}
	wb_watchdog_stop();
	return 0;
}
