/* drv.h: what lab09's test drivers share: a deadline that fails the
 * driver instead of letting it hang, and the state of a process, read
 * from /proc by the driver itself. Include it first (_GNU_SOURCE). */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall, in verdict.h */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "verdict.h"

static const char *drv_late = "it did not finish"; /* said at the deadline */

static void drv_alarm(int sig)
{
	(void)sig;
	char line[300];
	int n = snprintf(line, sizeof line, "%s: FAIL: %s\n", drv_name,
			 drv_late);
	if (write(STDOUT_FILENO, line, (size_t)n) < 0)
		_exit(1);
	_exit(1);
}

/* From now on, the driver fails with `why` unless it is done (or calls
 * drv_deadline again) within ms milliseconds; 0 turns the deadline off. */
static inline void drv_deadline(long ms, const char *why)
{
	struct itimerval t = {{0, 0}, {ms / 1000, ms % 1000 * 1000}};
	drv_late = why;
	signal(SIGALRM, drv_alarm);
	setitimer(ITIMER_REAL, &t, NULL);
}

/* The state of pid ('R', 'S', 'Z': a zombie, ...), or 0 if it is gone. */
static inline char state_of(pid_t pid)
{
	char path[64], line[512], state;
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t len = fread(line, 1, sizeof line - 1, f);
	fclose(f);
	line[len] = '\0';
	char *p = strrchr(line, ')');
	return p && sscanf(p + 1, " %c", &state) == 1 ? state : 0;
}

/* Waits up to ms for pid to become a zombie; false if it did not. */
static inline int zombie_within(pid_t pid, int ms)
{
	for (int i = 0; i < ms; i++) {
		if (state_of(pid) == 'Z')
			return 1;
		usleep(1000);
	}
	return 0;
}

#endif
