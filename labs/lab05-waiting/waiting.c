/* waiting.c: the guide's synchronisation primitives, each built from a
 * mutex and condition variables, next to the library's own. Run: make lab05
 * (ARGS="--prim barrier --threads 8"). Expect waits that burn no CPU, a
 * semaphore that refuses an extra release, a barrier nobody crosses early. */
#include <stdio.h>

#include "demo.h"
#include "wb.h"

static const char *const prims[] = {
	"all", "event", "condition", "semaphore", "barrier", "rlock", NULL};

static void report(FILE *out, void *arg)
{
	(void)arg;
	fprintf(out, "watchdog: stuck while %s\n", atomic_load(&demo_now));
}

int main(int argc, char **argv)
{
	struct sizes z = {
		.threads = 4, .rounds = 10000, .bound = 3, .timeout_ms = 100};
	long watchdog_ms = 2000;
	int prim = 0;
	const struct wb_opt opts[] = {
		WB_CHOICE("prim", &prim, prims, "which primitive to show"),
		WB_INT("threads", &z.threads, 2, 64, "threads that share it"),
		WB_INT("rounds", &z.rounds, 1, 1000000,
		       "rounds through the semaphore and the barrier"),
		WB_INT("bound", &z.bound, 1, 64, "places in the semaphore"),
		WB_INT("timeout-ms", &z.timeout_ms, 1, 10000,
		       "how long the event's timed wait waits"),
		WB_INT("watchdog-ms", &watchdog_ms, 10, 600000,
		       "exit 3 after this long without progress"),
		WB_OPT_END};
	wb_parse(argc, argv, "waiting",
		 "Event, Condition, BoundedSemaphore, Barrier and RLock from "
		 "a mutex and condition variables.",
		 opts);
	if (z.timeout_ms * 2 > watchdog_ms)
		wb_usage_error("--timeout-ms: at most half of --watchdog-ms "
			       "(%ld), or the watchdog takes the wait for a "
			       "hang",
			       watchdog_ms);
	wb_watchdog_start(watchdog_ms, &demo_progress, report, NULL);
	void (*const demos[])(const struct sizes *) = {
		demo_event, demo_condition, demo_semaphore, demo_barrier,
		demo_rlock};
	for (int i = 0; i < 5; i++)
		if (prim == 0 || prim == i + 1)
			demos[i](&z);
	wb_watchdog_stop();
	return 0;
}
