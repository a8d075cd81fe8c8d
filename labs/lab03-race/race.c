/* race.c: threads add 1 to one shared counter, with or without protection.
 * Run: make lab03 ARGS="--mode unsafe" (or mutex, atomic, local).
 * Expect unsafe to lose updates on two or more cores, the others to count
 * exactly, and each mode's time per increment to show what exactness costs. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "counters.h"
#include "wb.h"

enum mode { UNSAFE, MUTEX, ATOMIC, LOCAL };
static const char *const modes[] = {"unsafe", "mutex", "atomic", "local", NULL};
static void *(*const workers[])(void *) = {count_unsafe, count_mutex,
					   count_atomic, count_local};

struct run {
	struct shared s;
	long threads;
	enum mode mode;
	long counted; /* what the last run counted */
};

/* One run: zero the counters, count, return ns per increment. */
static double one_run(void *arg)
{
	struct run *r = arg;
	r->s.counter = 0;
	atomic_store(&r->s.atomic_counter, 0);
	uint64_t ns = wb_team_run((int)r->threads, workers[r->mode], &r->s, 0);
	r->counted = r->s.counter + atomic_load(&r->s.atomic_counter);
	return (double)ns / ((double)r->threads * (double)r->s.iters);
}

int main(int argc, char **argv)
{
	long threads = 4, iters = 100000, reps = 5;
	int mode = UNSAFE;
	bool csv = false;
	const struct wb_opt opts[] = {
		WB_INT("threads", &threads, 1, 256, "threads counting at once"),
		WB_INT("iters", &iters, 1, 1000000000, "increments per thread"),
		WB_CHOICE("mode", &mode, modes, "how the counter is shared"),
		WB_INT("reps", &reps, 1, 1000, "timed runs after one warm-up"),
		WB_FLAG("csv", &csv, "print one CSV row instead of prose"),
		WB_OPT_END};
	wb_parse(argc, argv, "race", "Lost updates on a shared counter.", opts);

	struct run r = {.s.iters = iters, .threads = threads, .mode = mode};
	wb_check(pthread_mutex_init(&r.s.lock, NULL), "pthread_mutex_init");
	struct wb_stats t = wb_measure(one_run, &r, 1, (int)reps);
	wb_check(pthread_mutex_destroy(&r.s.lock), "pthread_mutex_destroy");

	long expected = threads * iters, lost = expected - r.counted;
	if (csv) {
		printf("mode,threads,iters,expected,counted,ns_median,ns_min,"
		       "ns_max\n%s,%ld,%ld,%ld,%ld,%.3f,%.3f,%.3f\n",
		       modes[mode], threads, iters, expected, r.counted,
		       t.median, t.min, t.max);
		return 0;
	}
	printf("%ld threads x %ld increments, mode %s, %ld timed runs\n",
	       threads, iters, modes[mode], reps);
	if (lost == 0)
		printf("expected %ld, counted %ld: no update lost\n", expected,
		       r.counted);
	else
		printf("expected %ld, counted %ld: %ld updates lost (%.1f%%)\n",
		       expected, r.counted, lost,
		       100.0 * (double)lost / (double)expected);
	printf("time per increment: %.2f ns (median; min %.2f, max %.2f)\n",
	       t.median, t.min, t.max);
	return 0;
}
