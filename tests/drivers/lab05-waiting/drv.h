/* drv.h: what lab05's test drivers share: a verdict line, deadlines, what
 * a thread has cost as the kernel counts it (/proc), and the lab's
 * condition variable waits seen from outside (waits.h). Each driver
 * includes this file once, first (it defines _GNU_SOURCE). */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_gettid) */

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "waits.h"
#include "verdict.h"
#include "wb.h"

/* Waits up to ms for *flag to reach at least n; true if it did. */
static inline bool drv_until(atomic_long *flag, long n, long ms)
{
	uint64_t start = wb_now_ns();
	while (atomic_load(flag) < n)
		if (drv_ms_since(start) >= ms)
			return false;
		else
			wb_sleep_ns(200000);
	return true;
}

static inline int drv_tid(void)
{
	return (int)syscall(SYS_gettid);
}

/* What thread tid has cost so far, as the kernel counts it. */
struct use {
	double runnable_ms; /* on a CPU or waiting for one */
	long wakeups;       /* times it was switched out and back */
};

static inline struct use drv_use(int tid)
{
	struct use u = {0};
	char path[64], line[128];
	unsigned long long run, wait;
	long n;
	snprintf(path, sizeof path, "/proc/self/task/%d/schedstat", tid);
	FILE *f = fopen(path, "r");
	if (!f || fscanf(f, "%llu %llu", &run, &wait) != 2)
		drv_fail("cannot read %s", path);
	fclose(f);
	u.runnable_ms = (double)(run + wait) / 1e6;
	snprintf(path, sizeof path, "/proc/self/task/%d/status", tid);
	if (!(f = fopen(path, "r")))
		drv_fail("cannot read %s", path);
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "voluntary_ctxt_switches: %ld", &n) == 1 ||
		    sscanf(line, "nonvoluntary_ctxt_switches: %ld", &n) == 1)
			u.wakeups += n;
	fclose(f);
	return u;
}

#define DRV_MAX_WAKEUPS 10 /* a 1 ms poll wakes ~200 times in 200 ms */

/* Says what a wait of window ms cost between a and b; true if it slept:
 * runnable under a tenth of the time, at most DRV_MAX_WAKEUPS wake-ups. */
static inline bool drv_slept(const char *what, long window, struct use a,
			     struct use b)
{
	double run = b.runnable_ms - a.runnable_ms;
	long n = b.wakeups - a.wakeups;
	const char *bad = NULL;
	if (run > window * 0.8)
		bad = "it wants a CPU all the time (a busy wait)";
	else if (n > DRV_MAX_WAKEUPS)
		bad = "it wakes up to look again and again (a poll)";
	else if (run > window / 10.0)
		bad = "it does not sleep";
	printf("%s, %ld ms: runnable %.2f ms, %ld wake-ups: %s\n", what, window,
	       run, n, bad ? bad : "it sleeps");
	return !bad;
}

#endif
