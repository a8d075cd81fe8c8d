/* watchdog.c: nothing in the workbook hangs for ever. A demonstration that
 * deadlocks on purpose is ended here, with a report and exit status 3. */
#include <pthread.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

#include "wb.h"

static struct {
	long ms; /* how long without progress counts as stuck */
	atomic_long
		*progress; /* bumped by the program whenever work gets done */
	void (*report)(FILE *out, void *arg);
	void *arg;
	pthread_t thread;
	pthread_mutex_t lock; /* guards stopped, for the wake-up */
	pthread_cond_t wake;  /* signalled by wb_watchdog_stop */
	bool started, stopped;
} dog = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Sleeps one poll period; returns true when told to stop meanwhile. */
static bool nap(void)
{
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	/* Poll ten times per period: a stall is seen within 10% of it. */
	long ns = until.tv_nsec + dog.ms * 100000;
	until.tv_sec += ns / 1000000000;
	until.tv_nsec = ns % 1000000000;
	pthread_mutex_lock(&dog.lock);
	while (!dog.stopped &&
	       pthread_cond_timedwait(&dog.wake, &dog.lock, &until) == 0)
		;
	bool stopped = dog.stopped;
	pthread_mutex_unlock(&dog.lock);
	return stopped;
}

static void *watch(void *unused)
{
	(void)unused;
	long seen = atomic_load(dog.progress);
	uint64_t since = wb_now_ns();
	for (;;) {
		if (nap())
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
	pthread_condattr_t attr;
	dog.ms = ms;
	dog.progress = progress;
	dog.report = report;
	dog.arg = arg;
	dog.stopped = false;
	/* The timed waits run on the monotonic clock, like every other time. */
	wb_check(pthread_condattr_init(&attr), "pthread_condattr_init");
	wb_check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC),
		 "pthread_condattr_setclock");
	wb_check(pthread_cond_init(&dog.wake, &attr), "pthread_cond_init");
	pthread_condattr_destroy(&attr);
	wb_check(pthread_create(&dog.thread, NULL, watch, NULL),
		 "pthread_create");
	dog.started = true;
}

void wb_watchdog_stop(void)
{
	if (!dog.started)
		return;
	pthread_mutex_lock(&dog.lock);
	dog.stopped = true;
	pthread_cond_signal(&dog.wake);
	pthread_mutex_unlock(&dog.lock);
	/* Joined, so no thread outlives the work (ThreadSanitizer, valgrind). */
	wb_check(pthread_join(dog.thread, NULL), "pthread_join");
	pthread_cond_destroy(&dog.wake);
	dog.started = false;
}
