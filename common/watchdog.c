/* watchdog.c: nothing in the workbook hangs for ever. A demonstration that
 * deadlocks on purpose is ended here, with a report and exit status 3. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "wb.h"

static struct {
	long ms; /* how long without progress counts as stuck */
	atomic_long
		*progress; /* bumped by the program whenever work gets done */
	void (*report)(FILE *out, void *arg);
	void *arg;
	atomic_bool stopped;
} dog;

static void *watch(void *unused)
{
	(void)unused;
	long seen = atomic_load(dog.progress);
	uint64_t since = wb_now_ns();
	for (;;) {
		/* Poll ten times per period: cheap, and a stall is seen
		 * within 10% of the limit. */
		wb_sleep_ns((uint64_t)dog.ms * 100000u);
		if (atomic_load(&dog.stopped))
			return NULL;
		long now = atomic_load(dog.progress);
		if (now != seen) {
			seen = now;
			since = wb_now_ns();
		} else if (wb_now_ns() - since >= (uint64_t)dog.ms * 1000000u) {
			break;
		}
	}
	fprintf(stderr,
		"%s: watchdog: no progress for %ld ms (progress "
		"counter stuck at %ld)\n",
		wb_prog, dog.ms, seen);
	if (dog.report)
		dog.report(stderr, dog.arg);
	fflush(NULL);
	/* _exit: the stuck threads hold locks that exit handlers might need. */
	_exit(3);
}

void wb_watchdog_start(long ms, atomic_long *progress,
		       void (*report)(FILE *out, void *arg), void *arg)
{
	pthread_t t;
	dog.ms = ms;
	dog.progress = progress;
	dog.report = report;
	dog.arg = arg;
	atomic_store(&dog.stopped, false);
	wb_check(pthread_create(&t, NULL, watch, NULL), "pthread_create");
	wb_check(pthread_detach(t), "pthread_detach");
}

void wb_watchdog_stop(void)
{
	atomic_store(&dog.stopped, true);
}
