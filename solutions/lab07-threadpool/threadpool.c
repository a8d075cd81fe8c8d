/* threadpool.c: lab07, a pool of worker threads runs N tasks of the same
 * length, I/O-bound (they sleep) or CPU-bound (they compute). Run:
 * make lab07 ARGS="--kind cpu --workers 2". It prints the total time, the
 * time the tasks would take one after another, and the speedup. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "ascompleted.h"
#include "pool.h"
#include "wb.h"

static const char *const kinds[] = {"io", "cpu", NULL};
static int kind; /* 0: io, 1: cpu */
static long task_ms = 50, tasks = 16, workers, reps = 1;
static bool csv;
static uint64_t burn_per_ms; /* wb_burn's n for a millisecond of CPU */

/* One task: task_ms of sleeping or of computing. Its value is the time it
 * took, in ns: wall time asleep, or its own thread's CPU time. */
static void task(void *arg, struct outcome *out)
{
	(void)arg;
	uint64_t t0 = kind ? wb_thread_cpu_ns() : wb_now_ns();
	if (kind) /* the sum is never 1: the test keeps the call */
		out->err = wb_burn(burn_per_ms * (uint64_t)task_ms) == 1;
	else
		wb_sleep_ns((uint64_t)task_ms * 1000000u);
	out->value = (long)((kind ? wb_thread_cpu_ns() : wb_now_ns()) - t0);
}

static void calibrate(void)
{
	uint64_t n = 1u << 22, best = UINT64_MAX;
	for (int i = 0; i < 5; i++) { /* the fastest of 5: least disturbed */
		uint64_t t0 = wb_thread_cpu_ns();
		if (wb_burn(n) == 1)
			abort(); /* never: keeps the call */
		uint64_t t = wb_thread_cpu_ns() - t0;
		best = t < best ? t : best;
	}
	burn_per_ms = n * 1000000u / (best ? best : 1);
}

static double serial_ns; /* the tasks' own times, added up over all runs */

static void add(struct future *f, void *arg)
{
	long ns = 0;
	(void)arg;
	if (future_result(f, &ns) == 0)
		serial_ns += (double)ns;
}

/* One run of all the tasks on a fresh pool; returns its wall time in ms. */
static double sample(void *arg)
{
	(void)arg;
	struct future **fs = wb_alloc((size_t)tasks * sizeof *fs);
	struct pool p;
	uint64_t t0 = wb_now_ns();
	pool_init(&p, (int)workers, (int)tasks);
	for (long i = 0; i < tasks; i++)
		fs[i] = pool_submit(&p, task, NULL);
	as_completed(fs, (int)tasks, add, NULL);
	pool_shutdown(&p, true, false);
	double ms = (double)(wb_now_ns() - t0) / 1e6;
	pool_free(&p);
	for (long i = 0; i < tasks; i++)
		future_free(fs[i]);
	free(fs);
	return ms;
}

int main(int argc, char **argv)
{
	int def = pool_default_workers();
	workers = def;
	struct wb_opt opts[] = {
		WB_CHOICE("kind", &kind, kinds,
			  "io: tasks sleep; cpu: they compute"),
		WB_INT("task-ms", &task_ms, 1, 1000, "how long one task takes"),
		WB_INT("tasks", &tasks, 1, 10000, "how many tasks"),
		WB_INT("workers", &workers, 1, 256,
		       "worker threads (default: min(32, CPUs + 4))"),
		WB_INT("reps", &reps, 1, 50, "runs; the median is reported"),
		WB_FLAG("csv", &csv, "print one CSV row for the plots"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "threadpool",
		 "a pool of worker threads runs tasks that sleep or compute",
		 opts);
	if (kind)
		calibrate();
	struct wb_stats s = wb_measure(sample, NULL, 0, (int)reps);
	int cpus = wb_cpus();
	/* At best the tasks run in waves of as many as run at once, each
	 * wave as long as a task (their mean measured time: a computing
	 * task's speed varies with what else the machine runs). */
	long at_once = workers < tasks ? workers : tasks;
	if (kind && at_once > cpus)
		at_once = cpus;
	double serial = serial_ns / 1e6 / (double)reps; /* per run */
	double ideal = (double)((tasks + at_once - 1) / at_once) * serial /
		       (double)tasks;
	if (csv) {
		printf("kind,workers,tasks,task_ms,cpus,ms_median,ms_min,ms_"
		       "max,"
		       "serial_ms,ideal_ms\n");
		printf("%s,%ld,%ld,%ld,%d,%.2f,%.2f,%.2f,%.2f,%.2f\n",
		       kinds[kind], workers, tasks, task_ms, cpus, s.median,
		       s.min, s.max, serial, ideal);
		return 0;
	}
	printf("%ld %s-bound tasks of %ld ms on %ld workers (default %d: "
	       "min(32, %d CPUs + 4)), %d CPUs\n",
	       tasks, kinds[kind], task_ms, workers, def, cpus, cpus);
	printf("total %.0f ms; one after another they would take %.0f ms: "
	       "speedup %.1fx\n",
	       s.median, serial, serial / s.median);
	printf("at best %ld run at once (%s), so at best %.0f ms, speedup "
	       "%.1fx\n",
	       at_once,
	       kind ? "no more than the workers and the CPUs"
		    : "as many as the workers: sleepers need no CPU",
	       ideal, serial / ideal);
	return 0;
}
