/* race.c: threads add 1 to one shared counter, with or without protection.
 * Run: make lab03 ARGS="--mode unsafe" (or mutex, atomic, local).
 * Expect unsafe to lose updates on every run, the others to count exactly,
 * and each mode's time per increment to show what exactness costs. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "counters.h"
#include "wb.h"

enum mode { UNSAFE, MUTEX, ATOMIC, LOCAL };
static const char *const modes[] = {"unsafe", "mutex", "atomic", "local", NULL};
static void *(*const workers[])(void *) = {count_unsafe, count_mutex,
					   count_atomic, count_local};
/* Increments per thread unless --iters says: about 0.1 s a run. unsafe
 * needs tens of milliseconds so that, even on a busy machine, threads are
 * switched out between a load and its store (one run in ten lost nothing
 * at 5 million on the development machine under load). */
static const long default_iters[] = {20000000, 1000000, 5000000, 20000000};

struct run {
	struct shared s;
	long threads;
	enum mode mode;
	long *counted; /* what each run counted, the warm-up first */
	int runs;      /* runs so far */
};

/* One run: zero the counters, count, return ns per increment. */
static double one_run(void *arg)
{
	struct run *r = arg;
	r->s.counter = 0;
	atomic_store(&r->s.atomic_counter, 0);
	uint64_t ns = wb_team_run((int)r->threads, workers[r->mode], &r->s, 0);
	r->counted[r->runs++] =
		r->s.counter + atomic_load(&r->s.atomic_counter);
	return (double)ns / ((double)r->threads * (double)r->s.iters);
}

/* One line per timed run, then why a run may have lost nothing. */
static void report(const struct run *r, long reps)
{
	long expected = r->threads * r->s.iters, clean = 0;
	for (long i = 1; i <= reps; i++) {
		long lost = expected - r->counted[i];
		clean += lost == 0;
		if (i > 10)
			continue; /* the count of clean runs says enough */
		printf("run %ld: expected %ld, counted %ld: ", i, expected,
		       r->counted[i]);
		if (lost == 0)
			printf("no update lost\n");
		else
			printf("%ld updates lost (%.1f%%)\n", lost,
			       100.0 * (double)lost / (double)expected);
	}
	if (reps > 10)
		printf("(%ld more runs, %ld of all %ld lost nothing)\n",
		       reps - 10, clean, reps);
	if (r->mode != UNSAFE || r->threads == 1 || clean == 0)
		return;
	if (wb_cpus() == 1)
		printf("one CPU: the threads take turns, and lose an update "
		       "only when one is switched out between its load and "
		       "its store; try a larger --iters\n");
	else
		printf("no update lost in %ld of %ld runs: the threads did not "
		       "overlap there (too little work, or a busy machine ran "
		       "them one after another); try a larger --iters\n",
		       clean, reps);
}

int main(int argc, char **argv)
{
	long threads = 4, iters = 0, reps = 5;
	int mode = UNSAFE;
	bool csv = false;
	const struct wb_opt opts[] = {
		WB_INT("threads", &threads, 1, 256, "threads counting at once"),
		WB_INT("iters", &iters, 1, 1000000000,
		       "increments per thread (default: by --mode)"),
		WB_CHOICE("mode", &mode, modes, "how the counter is shared"),
		WB_INT("reps", &reps, 1, 1000, "timed runs after one warm-up"),
		WB_FLAG("csv", &csv, "print one CSV row instead of prose"),
		WB_OPT_END};
	wb_parse(argc, argv, "race", "Lost updates on a shared counter.", opts);
	if (iters == 0) /* not given */
		iters = default_iters[mode];

	struct run r = {.s.iters = iters, .threads = threads, .mode = mode};
	r.counted = wb_alloc((size_t)(reps + 1) * sizeof *r.counted);
	wb_check(pthread_mutex_init(&r.s.lock, NULL), "pthread_mutex_init");
	struct wb_stats t = wb_measure(one_run, &r, 1, (int)reps);
	wb_check(pthread_mutex_destroy(&r.s.lock), "pthread_mutex_destroy");

	if (csv) {
		printf("mode,threads,iters,expected,counted,ns_median,ns_min,"
		       "ns_max\n%s,%ld,%ld,%ld,%ld,%.3f,%.3f,%.3f\n",
		       modes[mode], threads, iters, threads * iters,
		       r.counted[reps], t.median, t.min, t.max);
	} else {
		printf("%ld thread%s x %ld increments, mode %s, %ld timed "
		       "runs\n",
		       threads, threads == 1 ? "" : "s", iters, modes[mode],
		       reps);
		report(&r, reps);
		printf("time per increment: %.2f ns (median; min %.2f, max "
		       "%.2f)\n",
		       t.median, t.min, t.max);
	}
	free(r.counted);
	return 0;
}
