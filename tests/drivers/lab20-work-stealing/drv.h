/* drv.h: what lab20's test drivers share: a verdict line, a deadline that
 * ends a stuck run with a message, thread ids, a short poll. Each driver
 * includes this file once, first. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_gettid) */

#include <dirent.h>
#include <errno.h>
#include <sched.h>
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

#include "scheduler.h"
#include "verdict.h"
#include "wb.h"

static char drv_late[512]; /* what the deadline prints */

static void drv_alarm(int sig)
{
	(void)sig;
	if (write(STDOUT_FILENO, drv_late, strlen(drv_late)) < 0)
		_exit(1);
	syscall(SYS_exit_group, 1);
}

/* From now on, the run ends within ms with status 1 and the line
 * "NAME: FAIL: ..." made of fmt, unless drv_deadline is called again. */
__attribute__((format(printf, 2, 3))) static inline void
drv_deadline(long ms, const char *fmt, ...)
{
	char buf[sizeof drv_late];
	va_list ap;
	va_start(ap, fmt);
	int n = snprintf(buf, sizeof buf, "%s: FAIL: ", drv_name);
	vsnprintf(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
	strcat(buf, "\n");
	va_end(ap);
	fflush(stdout);
	struct itimerval off = {0};
	setitimer(ITIMER_REAL, &off, NULL); /* no alarm while buf is copied */
	memcpy(drv_late, buf, sizeof buf);
	signal(SIGALRM, drv_alarm);
	struct itimerval t = {.it_value = {ms / 1000, ms % 1000 * 1000}};
	setitimer(ITIMER_REAL, &t, NULL);
}

static inline int drv_tid(void)
{
	return (int)syscall(SYS_gettid);
}

static inline void drv_begin(const char *name)
{
	drv_name = name;
	setvbuf(stdout, NULL, _IOLBF, 0);
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

static void *drv_nothing(void *arg)
{
	*(int *)arg = (int)syscall(SYS_gettid);
	return NULL;
}

/* The threads before the lab starts any: one thread is started and joined
 * first, so that those a runtime starts with it (ThreadSanitizer's) are
 * counted already; and its /proc entry is waited out, as the kernel may
 * list a joined thread a moment longer. */
static inline int drv_threads_before(void)
{
	pthread_t t;
	int tid = 0;
	char path[64];
	wb_check(pthread_create(&t, NULL, drv_nothing, &tid), "pthread_create");
	wb_check(pthread_join(t, NULL), "pthread_join");
	snprintf(path, sizeof path, "/proc/self/task/%d", tid);
	for (int i = 0; i < 20000 && access(path, F_OK) == 0; i++)
		wb_sleep_ns(50000);
	return drv_threads();
}

static inline void drv_nap(void)
{
	wb_sleep_ns(50000); /* 50 us */
}

/* The threads above base once every thread was joined: a joined thread
 * may stay listed a moment while the kernel finishes its exit, so this
 * waits up to 1 s for the count to come down to base. */
static inline int drv_threads_left(int base)
{
	uint64_t t0 = wb_now_ns();
	int n;
	while ((n = drv_threads() - base) > 0 && drv_ms_since(t0) < 1000)
		drv_nap();
	return n;
}

#endif
