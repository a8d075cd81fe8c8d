/* daemon.c: a detached background thread and a main that does not wait
 * for it, like a Python daemon thread. Run: make lab02 ... of daemon, or
 * build/.../daemon --steps 1000. Expect main to exit after --main-ms and to
 * say how many of the background steps were lost. */
#include <stdio.h>

#include "chore.h"
#include "wb.h"

int main(int argc, char **argv)
{
	long steps = 1000, step_us = 1000, main_ms = 200;
	const struct wb_opt opts[] = {
		WB_INT("steps", &steps, 1, 1000000, "background steps"),
		WB_INT("step-us", &step_us, 1, 1000000, "microseconds a step"),
		WB_INT("main-ms", &main_ms, 1, 10000,
		       "milliseconds main works before it exits"),
		WB_OPT_END};
	wb_parse(argc, argv, "daemon", "A detached thread cut off at exit.",
		 opts);
	struct chore c = {.steps = steps, .step_ns = step_us * 1000};
	uint64_t t0 = wb_now_ns();
	chore_start(&c);
	wb_sleep_ns((uint64_t)main_ms * 1000000); /* main's own work */
	long lost = chore_lost(&c);
	printf("main exits after %.2f s; the background work needs %.2f s\n",
	       (double)(wb_now_ns() - t0) / 1e9,
	       (double)steps * (double)step_us / 1e6);
	printf("background thread: %ld of %ld steps done, %ld lost at exit\n",
	       steps - lost, steps, lost);
	if (lost > 0)
		printf("nobody waits for a detached thread: exit ends it "
		       "mid-work, as Python ends a daemon thread\n");
	return 0; /* exit() ends the background thread where it stands */
}
