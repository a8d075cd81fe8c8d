/* dcount.c: explore on the racy claim. For k = 2..5, the lab's
 * ex_enumerate must hand out C(2k, k) different schedules, each of k A's
 * and k B's; run under the deterministic scheduler, all but the two that
 * run one thread whole before the other leave two owners. */
#include "drv.h"
#include "explore.h"

static atomic_long progress;
static long failed, calls;
static int kk;
static char seen[20000]; /* schedules seen, by their bits */

static void each(const int *sched, int len, void *arg)
{
	(void)arg;
	int a = 0, bits = 0;
	for (int i = 0; i < len; i++) {
		a += sched[i] == 0;
		bits = bits * 2 + (sched[i] == 1);
	}
	if (len != 2 * kk || a != kk)
		drv_fail("ex_enumerate gave %s for k = %d",
			 drv_letters(sched, len), kk);
	if (seen[bits]++)
		drv_fail("ex_enumerate gave %s twice", drv_letters(sched, len));
	calls++;
	struct slot s;
	ex_run_slot(&s, false, kk, sched, &progress);
	int w = s.won[0] + s.won[1];
	slot_destroy(&s);
	bool serial = ex_switches(sched, len) == 1;
	if (serial && w != 1)
		drv_fail("%s runs one thread whole, then the other, and left "
			 "%d owners",
			 drv_letters(sched, len), w);
	failed += w != 1;
}

int main(void)
{
	drv_name = "dcount";
	setvbuf(stdout, NULL, _IOLBF, 0);
	drv_deadline(4000, "still running after 4 s");
	for (kk = 2; kk <= 5; kk++) {
		memset(seen, 0, sizeof seen);
		failed = calls = 0;
		long n = ex_enumerate(kk, each, NULL),
		     c = drv_binom(2 * kk, kk);
		printf("k = %d: %ld schedules, %ld fail (C(%d, %d) = %ld, "
		       "expected %ld fail)\n",
		       kk, calls, failed, 2 * kk, kk, c, c - 2);
		if (n != c || calls != c)
			drv_fail("k = %d: %ld schedules, expected C(%d, %d) = "
				 "%ld",
				 kk, calls, 2 * kk, kk, c);
		if (failed != c - 2)
			drv_fail("k = %d: %ld schedules fail, expected all but "
				 "the 2 serial ones: %ld (does ds_yield hand "
				 "off?)",
				 kk, failed, c - 2);
	}
	puts("dcount: ok");
	return 0;
}
