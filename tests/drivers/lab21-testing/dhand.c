/* dhand.c two|three: the deterministic scheduler's hand-off, seen by the
 * driver's own threads. Each step bumps a "running" counter, records its
 * thread, gives up the CPU and checks it still runs alone. two: 2 threads
 * of k = 1..4 steps, every one of the C(2k, k) schedules. three: 3 threads
 * of 2 steps (all 90 schedules), then schedules that name a finished thread
 * or run out. The recorded order must be the schedule's. */
#include "drv.h"
#include "ds.h"

static atomic_int running, seen_max, ntrace;
static int trace[DRV_MAX], steps[8];

static void step(int id)
{
	int r = atomic_fetch_add(&running, 1) + 1;
	int i = atomic_fetch_add(&ntrace, 1);
	if (i < DRV_MAX)
		trace[i] = id;
	sched_yield(); /* a chance for a second thread to get in */
	int m = atomic_load(&seen_max);
	while (r > m && !atomic_compare_exchange_weak(&seen_max, &m, r))
		;
	atomic_fetch_sub(&running, 1);
}

static void body(int id, void *arg)
{
	(void)arg;
	for (int i = 0; i < steps[id]; i++) {
		if (i)
			ds_yield();
		step(id);
	}
}

/* Runs sched (len entries) on n threads; the order must be want. */
static void check(int n, const int *sched, int len, const int *want, int wlen)
{
	atomic_store(&ntrace, 0);
	ds_run(n, body, NULL, sched, len);
	if (atomic_load(&seen_max) > 1)
		drv_fail("schedule %s: %d threads ran at once; one at a time "
			 "is the rule",
			 drv_letters(sched, len), atomic_load(&seen_max));
	if (atomic_load(&ntrace) != wlen)
		drv_fail("schedule %s: %d steps ran, expected %d",
			 drv_letters(sched, len), atomic_load(&ntrace), wlen);
	char w[DRV_MAX + 1], s[DRV_MAX + 1];
	strcpy(w, drv_letters(want, wlen));
	strcpy(s, drv_letters(sched, len));
	for (int i = 0; i < wlen; i++)
		if (trace[i] != want[i])
			drv_fail(
				"schedule %s: the steps ran as %s, expected %s",
				s, drv_letters(trace, wlen), w);
}

static void each(const int *sched, int len, void *arg)
{
	check(*(int *)arg, sched, len, sched, len);
}

int main(int argc, char **argv)
{
	drv_name = "dhand";
	setvbuf(stdout, NULL, _IOLBF, 0);
	bool two = argc == 2 && strcmp(argv[1], "two") == 0;
	if (!two && !(argc == 2 && strcmp(argv[1], "three") == 0))
		drv_fail("usage: dhand two|three");
	drv_deadline(4000, "still running after 4 s: a thread waits for a "
			   "baton that never comes");
	if (two) {
		int n = 2;
		for (int k = 1; k <= 4; k++) {
			steps[0] = steps[1] = k;
			long c = drv_schedules(2, steps, each, &n);
			printf("2 threads x %d steps: %ld schedules, each run "
			       "in order, one at a time (C(%d, %d) = %ld)\n",
			       k, c, 2 * k, k, drv_binom(2 * k, k));
		}
		puts("dhand: ok");
		return 0;
	}
	int n = 3;
	steps[0] = steps[1] = steps[2] = 2;
	long c = drv_schedules(3, steps, each, &n);
	printf("3 threads x 2 steps: %ld schedules, each run in order\n", c);
	/* A names finished A: skipped. Then it runs out: lowest goes on. */
	int s1[] = {0, 0, 0, 0, 2, 1}, w1[] = {0, 0, 2, 1, 1, 2};
	check(3, s1, 6, w1, 6);
	int s2[] = {2}, w2[] = {2, 0, 0, 1, 1, 2};
	check(3, s2, 1, w2, 6);
	puts("finished threads are skipped; past the schedule's end the "
	     "lowest unfinished thread goes on");
	puts("dhand: ok");
	return 0;
}
