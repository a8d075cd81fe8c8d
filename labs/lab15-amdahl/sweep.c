/* sweep.c: runs the work at 1, 2, ..., N threads, several times each, and
 * sets each median time against the 1-thread one and against the laws. */
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amdahl.h"
#include "wb.h"

const char *const engines[] = {"pthreads", "openmp", NULL};

struct run {
	int engine, threads;      /* what runs the parallel part, on how many */
	long units, serial, size; /* units in all, the serial ones; terms */
	struct part *parts;       /* one per thread, from the last run */
	uint64_t checksum;        /* the last run's sum */
};

/* One run of all the work; returns its wall time in ms. The clock runs
 * from the first unit to the join, thread starts included: they are part
 * of what parallel code costs. */
static double one_run(void *arg)
{
	struct run *r = arg;
	memset(r->parts, 0, (size_t)r->threads * sizeof *r->parts);
	uint64_t start = wb_now_ns(), sum = 0;
	for (long u = 0; u < r->serial; u++) /* the serial part: one thread */
		sum += unit_sum(u, r->size);
	uint64_t (*parallel)(struct part *, int, long, long, long) =
		r->engine ? run_openmp : run_pthreads;
	sum += parallel(r->parts, r->threads, r->serial, r->units - r->serial,
			r->size);
	r->checksum = sum;
	return (double)(wb_now_ns() - start) / 1e6;
}

/* How many different threads ran a part in the last run. */
static int workers(const struct run *r)
{
	int seen = 0;
	for (int i = 0; i < r->threads; i++) {
		bool new_thread = r->parts[i].ran;
		for (int j = 0; j < i && new_thread; j++)
			if (r->parts[j].ran &&
			    pthread_equal(r->parts[i].who, r->parts[j].who))
				new_thread = false; /* it ran part j too */
		seen += new_thread;
	}
	return seen;
}

/* The units each thread computed in the last run: "225 225 225 225". */
static void print_shares(const struct run *r)
{
	for (int i = 0; i < r->threads; i++)
		printf("%s%ld", i ? " " : "", r->parts[i].done);
}

/* One row: the times at n threads, set against t1, the 1-thread median. */
static void print_row(const struct run *r, struct wb_stats t, double t1,
		      double s, bool csv)
{
	int n = r->threads;
	double speedup = t1 / t.median, e = karp_flatt(speedup, n);
	if (csv) {
		printf("%s,%d,%d,%g,%ld,%ld,%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,"
		       "%.4f,",
		       engines[r->engine], n, wb_cpus(), s, r->units, r->size,
		       t.median, t.min, t.max, speedup, t1 / t.max, t1 / t.min,
		       speedup / n, amdahl(s, n));
		if (!isnan(e)) /* undefined at 1 thread: left empty */
			printf("%.4f", e);
		printf(",%" PRIu64 ",%d,", r->checksum, workers(r));
		print_shares(r);
		printf("\n");
		return;
	}
	printf("%7d %10.1f %8.1f %8.1f %8.2f %10.0f%% %7.2f", n, t.median,
	       t.min, t.max, speedup, 100 * speedup / n, amdahl(s, n));
	if (isnan(e))
		printf("  %12s\n", "-");
	else
		printf("  %12.3f\n", e);
}

void sweep(const struct setup *how)
{
	struct run r = {.engine = how->engine,
			.units = how->units,
			.serial = lround(how->s * (double)how->units),
			.size = how->size};
	r.parts = wb_alloc((size_t)how->threads * sizeof *r.parts);
	/* s as run: the serial units are a whole number */
	double s = (double)r.serial / (double)r.units, t1 = 0;
	uint64_t expected = squares_below((uint64_t)r.units * (uint64_t)r.size);
	if (how->csv)
		printf("engine,threads,cpus,serial,units,unit_size,ms_median,"
		       "ms_min,ms_max,speedup,speedup_min,speedup_max,"
		       "efficiency,amdahl,karp_flatt,checksum,workers,"
		       "shares\n");
	else
		printf("%ld units of %ld terms of i*i: %ld units (s = %g) run "
		       "on one thread,\n%ld are split across the threads "
		       "(%s engine).\nEach row: the median of %d timed run(s) "
		       "after a warm-up, then min and max.\n\n"
		       "threads  median ms   min ms   max ms  speedup  "
		       "efficiency  Amdahl  Karp-Flatt e\n",
		       r.units, r.size, r.serial, s, r.units - r.serial,
		       engines[r.engine], how->reps);
	int wrong = 0;
	for (r.threads = 1; r.threads <= how->threads; r.threads++) {
		struct wb_stats t = wb_measure(one_run, &r, 1, how->reps);
		if (r.threads == 1)
			t1 = t.median;
		print_row(&r, t, t1, s, how->csv);
		if (r.checksum != expected) {
			wrong++;
			if (!how->csv)
				printf("%7s wrong sum %" PRIu64 "\n", "",
				       r.checksum);
		}
	}
	r.threads = how->threads; /* the parts are still the last run's */
	if (!how->csv) {
		printf("\nspeedup: time at 1 thread / time at n; efficiency: "
		       "speedup / n\n");
		if (wrong)
			printf("%d thread counts computed a wrong sum: it "
			       "should be %" PRIu64 "\n",
			       wrong, expected);
		else
			printf("sum %" PRIu64 " at every thread count, as the "
			       "formula says\n",
			       expected);
		printf("at %d threads, shares of the %ld parallel units: ",
		       r.threads, r.units - r.serial);
		print_shares(&r);
		printf(" (%d distinct threads)\n", workers(&r));
		printf("Karp-Flatt e near s = %g: the serial part explains the "
		       "speedup;\ne growing with n: overhead, or more threads "
		       "than the %d CPUs here\n",
		       s, wb_cpus());
	}
	free(r.parts);
}
