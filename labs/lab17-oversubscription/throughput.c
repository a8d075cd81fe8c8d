/* throughput.c: the cpu, lock and io demos. Each runs a team of one
 * thread per CPU, then a bigger team, for the same time, and compares how
 * many operations each got done. */
#define _GNU_SOURCE /* cpu_set_t */
#include <stdio.h>
#include <stdlib.h>

#include "report.h"
#include "wb.h"

static uint64_t per_us; /* wb_burn's n for a microsecond of computing */

static void calibrate(void)
{
	uint64_t n = 1u << 20, best = UINT64_MAX;
	for (int i = 0; i < 5; i++) { /* the fastest of 5: least disturbed */
		uint64_t t0 = wb_thread_cpu_ns();
		if (wb_burn(n) == 1)
			abort(); /* never: keeps the call */
		uint64_t t = wb_thread_cpu_ns() - t0;
		best = t < best ? t : best;
	}
	per_us = n * 1000u / (best ? best : 1);
}

/* Each kind: its name, what one operation is, and in words. */
static const struct {
	const char *name, *variant, *op;
	long compute_us, io_us;
} kinds[] = {
	[LOAD_CPU] = {"cpu", "compute", "50 us computing", 50, 0},
	[LOAD_LOCK] = {"lock", "long",
		       "5 us computing, all of it holding a "
		       "spin lock (step_long)",
		       5, 0},
	[LOAD_SHORT] = {"lock", "short",
			"5 us computing, then the lock only "
			"to add (step_short)",
			5, 0},
	[LOAD_IO] = {"io", "wait", "1 ms waiting, then 50 us computing", 50,
		     1000},
};

static struct row measure(const struct setup *s, enum load_kind kind, int n)
{
	struct load l = {kind,
			 n,
			 s->allowed,
			 s->pin == -1 ? PIN_NONE : s->pin,
			 s->ms,
			 per_us * (uint64_t)kinds[kind].compute_us,
			 kinds[kind].io_us};
	double v[50];
	struct load_result res[50];
	for (int i = 0; i < s->reps; i++) {
		res[i] = load_run(&l);
		v[i] = res[i].ops_per_s;
		atomic_fetch_add(&oversub_progress, 1);
	}
	struct row r = {.ops = wb_stats_of(v, (int)s->reps)};
	for (int i = 0; i < s->reps; i++)
		if (res[i].ops_per_s == r.ops.median) {
			r.voluntary = res[i].voluntary;
			r.involuntary = res[i].involuntary;
		}
	for (int i = 0; i < s->reps; i++)
		if (res[i].lost)
			printf("  %ld steps LOST: the lock does not guard the "
			       "tally\n",
			       res[i].lost);
	return r;
}

void report_load(const struct setup *s, enum load_kind kind)
{
	if (!per_us)
		calibrate();
	int big = s->threads == -1 ? 4 * s->ncpus : (int)s->threads;
	struct row one = {0}, many;
	if (s->threads == -1 || !s->csv)
		one = measure(s, kind, s->ncpus);
	many = measure(s, kind, big);
	const char *name = kinds[kind].name, *var = kinds[kind].variant;
	int pin = s->pin == -1 ? PIN_NONE : s->pin;
	if (s->csv) {
		if (s->threads == -1)
			csv_row(name, var, pin, s->ncpus, s->ncpus, &one);
		csv_row(name, var, pin, big, s->ncpus, &many);
		return;
	}
	printf("%s: one operation is %s; %ld ms a run, median of %ld\n", name,
	       kinds[kind].op, s->ms, s->reps);
	printf("  %3d threads (1 per CPU): %9.0f ops/s; switches: %ld "
	       "voluntary, %ld involuntary\n",
	       s->ncpus, one.ops.median, one.voluntary, one.involuntary);
	printf("  %3d threads (%.1f per CPU): %9.0f ops/s; switches: %ld "
	       "voluntary, %ld involuntary\n",
	       big, (double)big / s->ncpus, many.ops.median, many.voluntary,
	       many.involuntary);
	printf("  %d threads get %.2fx the work of %d done\n", big,
	       many.ops.median / one.ops.median, s->ncpus);
}
