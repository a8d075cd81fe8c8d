/* drv.h: what lab08's test drivers share: a deadline that ends a stuck
 * run, thread ids, and the lab's GIL and interpreter. Each driver includes
 * this file once, first. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_gettid) */

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
#include <time.h>
#include <unistd.h>

#include "ceval_gil.h"
#include "interp.h"
#include "verdict.h"
#include "wb.h"

static char drv_late[256]; /* what the deadline prints */
static int drv_late_status;

static void drv_alarm(int sig)
{
	(void)sig;
	if (write(STDOUT_FILENO, drv_late, strlen(drv_late)) < 0)
		_exit(drv_late_status);
	syscall(SYS_exit_group, drv_late_status);
}

/* From now on, the run ends within ms with status (1: FAIL, or the
 * watchdog's 3) and the line "NAME: ..." made of fmt. */
__attribute__((format(printf, 3, 4))) static inline void
drv_deadline(long ms, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = snprintf(drv_late, sizeof drv_late, "%s: %s", drv_name,
			 status == 1 ? "FAIL: " : "");
	vsnprintf(drv_late + n, sizeof drv_late - (size_t)n - 1, fmt, ap);
	strcat(drv_late, "\n");
	va_end(ap);
	fflush(stdout);
	drv_late_status = status;
	signal(SIGALRM, drv_alarm);
	struct itimerval t = {.it_value = {ms / 1000, ms % 1000 * 1000}};
	setitimer(ITIMER_REAL, &t, NULL);
}

static inline void drv_begin(const char *name)
{
	drv_name = name;
	setvbuf(stdout, NULL, _IOLBF, 0);
}

static inline void drv_start(pthread_t *t, void *(*fn)(void *), void *arg)
{
	wb_check(pthread_create(t, NULL, fn, arg), "pthread_create");
}

static inline void drv_join(pthread_t t)
{
	wb_check(pthread_join(t, NULL), "pthread_join");
}

/* Reads the GIL's state under its mutex. */
static inline struct gil drv_gil_state(struct gil *g)
{
	wb_check(pthread_mutex_lock(&g->mutex), "pthread_mutex_lock");
	struct gil s;
	s.locked = g->locked;
	s.last_holder = g->last_holder;
	s.switch_number = g->switch_number;
	s.drop_requests = g->drop_requests;
	wb_check(pthread_mutex_unlock(&g->mutex), "pthread_mutex_unlock");
	return s;
}

#endif
