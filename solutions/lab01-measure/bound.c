/* bound.c: is a job CPU-bound or I/O-bound? Times it with the wall clock
 * and getrusage, and says what the answer means for threads.
 * Run: make lab01 (each kind), or ARGS="--kind io --ms 300 --reps 9".
 * Expect CPU/wall near 1 for cpu, near 0 for io, the ratio for mixed. */
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "measure.h"
#include "wb.h"
#include "work.h"

static const char *const kinds[] = {"cpu", "io", "mixed", "all", NULL};
static const char *const names[] = {"unknown", "I/O-bound", "mixed",
				    "CPU-bound"};

/* One sample of the clock's cost: ns per read over a batch of reads. */
static double clock_cost(void *arg)
{
	(void)arg;
	enum { READS = 20000 };
	uint64_t t0 = wb_now_ns();
	for (int i = 0; i < READS; i++)
		wb_now_ns();
	return (double)(wb_now_ns() - t0) / READS;
}

static void clock_facts(void)
{
	struct timespec res;
	wb_sys(clock_getres(CLOCK_MONOTONIC, &res), "clock_getres");
	struct wb_stats c = wb_measure(clock_cost, NULL, 1, 5);
	printf("clock: CLOCK_MONOTONIC ticks in %ld ns; one read costs %.1f "
	       "ns (median of 5 batches; min %.1f, max %.1f)\n",
	       res.tv_nsec + res.tv_sec * 1000000000L, c.median, c.min, c.max);
}

/* What the verdict means for threads, in Python and in C. */
static void advise(enum verdict v, double share)
{
	if (v == UNKNOWN) {
		printf("verdict: unknown: judge() is not written yet "
		       "(TODO(lab01))\n");
		return;
	}
	static const char *const python[] = {
		"", "threads help: a thread blocked in I/O releases the GIL",
		"threads overlap the waits only",
		"threads do not help (one at a time holds the GIL)"};
	static const char *const c[] = {
		"", "threads (or one thread with poll) overlap the waits",
		"threads overlap both, the computing up to one per CPU",
		"threads help, up to one per CPU"};
	printf("verdict: %s (computes %.0f%% of the time, waits the rest)\n"
	       "  Python: %s%s\n",
	       names[v], 100 * share, python[v],
	       v >= MIXED ? "; the computing needs processes or native code"
			  : "");
	printf("  C: %s (%d CPUs here)\n", c[v], wb_cpus());
}

/* a / b, or 0 when nothing was measured (b is 0 until measure() works). */
static double per(double a, double b)
{
	return b > 0 ? a / b : 0;
}

static void show(const char *what, const struct usage *u, double q)
{
	printf("%s: wall %.1f ms (%.1f ms of it queued for a CPU), user %.1f "
	       "ms, sys %.1f ms, CPU/wall %.2f, switches %ld voluntary, %ld "
	       "involuntary\n",
	       what, u->wall * 1e3, q * 1e3, u->user * 1e3, u->sys * 1e3,
	       per(u->user + u->sys, u->wall), u->vcsw, u->ivcsw);
	if (u->wall <= 0)
		printf("  (nothing measured: measure() is not written yet, "
		       "TODO(lab01))\n");
}

/* Runs the job reps + 1 times: the first (cold) run, then the timed ones.
 * The verdict is the median run's busy share: CPU over wall less queueing. */
static void run_kind(const char *kind, struct job j, long reps, bool csv)
{
	double wall[1001], busy[1001];
	for (long r = 0; r <= reps; r++) {
		double q0 = queued();
		struct usage u = measure(run_job, &j);
		double q = queued() - q0, cpu = u.user + u.sys;
		wall[r] = u.wall * 1e3;
		busy[r] = per(cpu, u.wall - q);
		if (csv)
			printf("%s,%g,%g,%ld,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%ld,"
			       "%ld,%s\n",
			       kind, j.ms, j.ratio, r, u.wall * 1e3,
			       u.user * 1e3, u.sys * 1e3, q * 1e3,
			       per(cpu, u.wall), busy[r], u.vcsw, u.ivcsw,
			       names[judge(u.wall - q, cpu)]);
		else if (r == 0)
			show("cold run", &u, q);
	}
	if (csv)
		return;
	struct wb_stats w = wb_stats_of(wall + 1, (int)reps);
	struct wb_stats b = wb_stats_of(busy + 1, (int)reps);
	printf("%ld timed run%s: wall median %.1f ms (min %.1f, max %.1f); "
	       "CPU/(wall - queued) median %.2f (min %.2f, max %.2f)\n",
	       reps, reps == 1 ? "" : "s", w.median, w.min, w.max, b.median,
	       b.min, b.max);
	advise(judge(1, b.median), b.median);
}

int main(int argc, char **argv)
{
	int kind = 3; /* all */
	long ms = 100, reps = 5;
	double ratio = 0.5;
	bool csv = false;
	const struct wb_opt opts[] = {
		WB_CHOICE("kind", &kind, kinds,
			  "what the job does (all: each)"),
		WB_INT("ms", &ms, 1, 10000, "milliseconds of work per run"),
		WB_DOUBLE("ratio", &ratio, 0, 1,
			  "share of a mixed job spent computing"),
		WB_INT("reps", &reps, 1, 1000, "timed runs after the cold one"),
		WB_FLAG("csv", &csv, "print CSV rows instead of prose"),
		WB_OPT_END};
	wb_parse(argc, argv, "bound", "CPU-bound or I/O-bound? Measure it.",
		 opts);
	if (csv)
		printf("kind,ms,ratio,run,wall_ms,user_ms,sys_ms,queued_ms,"
		       "cpu_wall,busy,vcsw,ivcsw,verdict\n");
	else
		clock_facts();
	const double ratios[] = {1, 0, ratio};
	for (int k = 0; k < 3; k++) {
		if (kind != 3 && kind != k)
			continue;
		struct job j = {(double)ms, ratios[k]};
		if (!csv)
			printf("\n== %s: %ld ms of work, %.0f%% computing\n",
			       kinds[k], ms, 100 * j.ratio);
		run_kind(kinds[k], j, reps, csv);
	}
	return 0;
}
