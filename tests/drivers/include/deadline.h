/* deadline.h: a deadline that ends a stuck driver run, for drivers whose
 * exercise can hang (a pool that never wakes, a GIL never handed over).
 * When the alarm comes, the run prints its verdict line and exits at once,
 * from the signal handler, whatever the stuck threads hold. The includer
 * defines _GNU_SOURCE first (syscall). */
#ifndef DEADLINE_H
#define DEADLINE_H

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "verdict.h"

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

#endif
