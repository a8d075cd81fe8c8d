/* amdahl.c: fixed work, a fraction s of it done by one thread and the rest
 * split across 1, 2, ..., N threads; measured speedup beside Amdahl's law.
 * Run: make lab15 ARGS="--serial 0.1 --threads 4" (or --predict, --karp-flatt).
 * Expect speedups just under Amdahl's curve up to the number of cores, and
 * a Karp-Flatt e near s there, growing past it. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "amdahl.h"
#include "amdahl.h"
#include "wb.h"

static const char *const engines[] = {"pthreads", "openmp", NULL};
static uint64_t (*const run_engine[])(struct part *, int, long, long,
				      long) = {run_pthreads, run_openmp};

struct sweep {
	int engine, threads;      /* how, and how many threads now */
	long units, serial, size; /* units in all, of them serial; terms */
	struct part *parts;       /* one per thread, filled by the last run */
	uint64_t checksum;        /* the last run's result */
};

/* One run of the whole program's work; returns its wall time in ms. */
static double one_run(void *arg)
{
	struct sweep *w = arg;
	memset(w->parts, 0, (size_t)w->threads * sizeof *w->parts);
	uint64_t start = wb_now_ns(), sum = 0;
	for (long u = 0; u < w->serial; u++) /* the serial part: one thread */
		sum += unit_sum(u, w->size);
	sum += run_engine[w->engine](w->parts, w->threads, w->serial,
				     w->units - w->serial, w->size);
	w->checksum = sum;
	return (double)(wb_now_ns() - start) / 1e6;
}

/* How many different threads ran a part in the last run. */
static int workers(const struct sweep *w)
{
	int seen = 0;
	for (int i = 0; i < w->threads; i++) {
		int j = 0;
		while (j < i && !(w->parts[j].ran &&
				  pthread_equal(w->parts[i].who, w->parts[j].who)))
			j++;
		seen += w->parts[i].ran && j == i;
	}
	return seen;
}

/* The units each thread computed in the last run: "225 225 225 225". */
static void shares(const struct sweep *w, FILE *out)
{
	for (int i = 0; i < w->threads; i++)
		fprintf(out, "%s%ld", i ? " " : "", w->parts[i].done);
}

int predict(double s, long n, bool csv);
int karp(double speedup, long n, bool csv);

int main(int argc, char **argv)
{
	long threads = 4, units = 1000, size = 200000, reps = 5;
	double s = 0.1, speedup = 0; /* 0: --karp-flatt not given */
	int engine = 0;
	bool csv = false, only_predict = false;
	const struct wb_opt opts[] = {
		WB_DOUBLE("serial", &s, 0, 1, "fraction of the work done by one thread"),
		WB_INT("threads", &threads, 1, 256, "sweep from 1 up to this many threads"),
		WB_INT("units", &units, 1, 1000000, "units of work in all"),
		WB_INT("unit-size", &size, 1, 1000000000, "terms of i*i in one unit"),
		WB_INT("reps", &reps, 1, 1000, "timed runs per thread count, after one warm-up"),
		WB_CHOICE("engine", &engine, engines, "who runs the parallel part"),
		WB_FLAG("csv", &csv, "print CSV rows instead of prose"),
		WB_FLAG("predict", &only_predict, "print Amdahl's and Gustafson's speedups for --serial and --threads, run nothing"),
		WB_DOUBLE("karp-flatt", &speedup, 0.001, 1e6, "print the serial fraction this speedup on --threads implies, run nothing"),
		WB_OPT_END};
	wb_parse(argc, argv, "amdahl", "Speedup of fixed work with a serial part, against Amdahl's law.", opts);
	if (only_predict && speedup > 0)
		wb_usage_error("--predict and --karp-flatt: give one of them");
	if (only_predict)
		return predict(s, threads, csv);
	if (speedup > 0)
		return karp(speedup, threads, csv);
	return 0;
}
