/* checkbackoff.c: lab13's test driver for backoff.c. backoff_ms must give
 * 50, 100, 200, 400, 800 ms, then 800 for ever (no overflow); may_restart
 * must allow max restarts within window_ms, refuse the next, and allow
 * again once old restarts have left the window. Prints "ok". */
#define _GNU_SOURCE
#include "verdict.h"

#include <limits.h>

#include "shutdown.h"

/* may_restart(log, at, max, window) must answer want. */
static void restart(struct startlog *log, long at, int max, long window,
		    bool want, const char *story)
{
	bool got = may_restart(log, at, max, window);
	if (got != want)
		drv_fail("%s: may_restart at %ld ms (--max-restarts %d, "
			 "--window-ms %ld) said %s, expected %s",
			 story, at, max, window, got ? "yes" : "no",
			 want ? "yes" : "no");
}

int main(void)
{
	drv_name = "checkbackoff";
	const long want[] = {50, 100, 200, 400, 800, 800, 800, 800};
	for (int k = 1; k <= 8; k++)
		if (backoff_ms(k) != want[k - 1])
			drv_fail("backoff_ms(%d) is %ld, expected %ld", k,
				 backoff_ms(k), want[k - 1]);
	const int big[] = {31, 32, 33, 63, 64, 65, 1000, INT_MAX};
	for (size_t i = 0; i < sizeof big / sizeof big[0]; i++)
		if (backoff_ms(big[i]) != 800)
			drv_fail(
				"backoff_ms(%d) is %ld, expected 800 (the cap)",
				big[i], backoff_ms(big[i]));

	struct startlog a = {0};
	const char *s = "3 restarts allowed in 1000 ms";
	restart(&a, 0, 3, 1000, true, s);
	restart(&a, 100, 3, 1000, true, s);
	restart(&a, 200, 3, 1000, true, s);
	restart(&a, 300, 3, 1000, false, s);
	restart(&a, 350, 3, 1000, false, s);
	s = "3 restarts allowed in 1000 ms, later (0 and 100 have left)";
	restart(&a, 1150, 3, 1000, true, s);
	restart(&a, 1160, 3, 1000, true, s);
	restart(&a, 1170, 3, 1000, false, s);
	restart(&a, 1250, 3, 1000, true, s);

	struct startlog b = {0};
	s = "1 restart allowed in 50 ms";
	restart(&b, 0, 1, 50, true, s);
	restart(&b, 10, 1, 50, false, s);
	restart(&b, 100, 1, 50, true, s);
	restart(&b, 120, 1, 50, false, s);

	struct startlog c = {0};
	s = "100 restarts allowed in 600000 ms";
	for (long at = 0; at < RESTARTS_MAX; at++)
		restart(&c, at, RESTARTS_MAX, 600000, true, s);
	restart(&c, RESTARTS_MAX, RESTARTS_MAX, 600000, false, s);
	printf("checkbackoff: ok\n");
	return 0;
}
