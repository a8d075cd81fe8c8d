/* drv.h: what lab07's test drivers share: a verdict line, a deadline that
 * ends a stuck run, events tasks wait on, the threads of the process
 * (/proc/self/task). Each driver includes this file once, first. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_gettid) */

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "ascompleted.h"
#include "pool.h"
#include "deadline.h"
#include "verdict.h"
#include "wb.h"

static int drv_main_tid; /* the thread that submits */

static inline int drv_tid(void)
{
	return (int)syscall(SYS_gettid);
}

static inline void drv_begin(const char *name)
{
	drv_name = name;
	drv_main_tid = drv_tid();
	setvbuf(stdout, NULL, _IOLBF, 0);
}

/* Called first in every task of a driver. */
static inline void drv_on_worker(void)
{
	if (drv_tid() == drv_main_tid)
		drv_fail("a task ran in the thread that submitted it: "
			 "pool_submit must queue it for the workers");
}

/* The threads of this process, as the kernel lists them. */
static inline int drv_threads(void)
{
	DIR *d = opendir("/proc/self/task");
	if (!d)
		wb_die("opendir /proc/self/task", errno);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* A one-shot event, like Python's threading.Event, without condition
 * variables (pfuture watches those): set once, waited for by polling. */
struct event {
	atomic_bool set;
};

static inline void event_set(struct event *e)
{
	atomic_store(&e->set, true);
}

static inline void event_wait(struct event *e)
{
	while (!atomic_load(&e->set))
		wb_sleep_ns(100000);
}

/* Fails unless future_result(f) gives err and (if 0) value. */
static inline void drv_expect(struct future *f, int err, long value,
			      const char *what)
{
	long v = -1;
	int got = future_result(f, &v);
	if (got != err)
		drv_fail("%s: future_result returned %d (%s), expected %d",
			 what, got, got ? future_error(f) : "ok", err);
	if (err == 0 && v != value)
		drv_fail("%s: its value is %ld, expected %ld", what, v, value);
}

#endif
