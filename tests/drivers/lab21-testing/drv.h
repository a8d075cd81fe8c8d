/* drv.h: what lab21's test drivers share: a verdict line, a deadline that
 * ends a stuck run, and their own list of interleavings (they do not trust
 * the lab's). Each driver includes this file once, first. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_exit_group), sched_yield */

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "verdict.h"
#include "wb.h"

static char drv_late[200];

static void drv_alarm(int sig)
{
	(void)sig;
	if (write(STDOUT_FILENO, drv_late, strlen(drv_late)) < 0)
		_exit(1);
	syscall(SYS_exit_group, 1);
}

/* From now on, the run fails within ms, saying why. */
static inline void drv_deadline(long ms, const char *why)
{
	snprintf(drv_late, sizeof drv_late, "%s: FAIL: %s\n", drv_name, why);
	fflush(stdout);
	signal(SIGALRM, drv_alarm);
	struct itimerval t = {.it_value = {ms / 1000, ms % 1000 * 1000}};
	setitimer(ITIMER_REAL, &t, NULL);
}

#define DRV_MAX 32 /* longest schedule a driver makes */

/* Every schedule in which thread t runs steps[t] steps (n threads), one
 * after another into each(sched, len, arg); returns how many. */
struct drv_walk {
	int n, len, left[8], sched[DRV_MAX];
	long count;
	void (*each)(const int *sched, int len, void *arg);
	void *arg;
};

static void drv_walk_at(struct drv_walk *w, int pos)
{
	if (pos == w->len) {
		w->count++;
		w->each(w->sched, w->len, w->arg);
		return;
	}
	for (int t = 0; t < w->n; t++)
		if (w->left[t]) {
			w->left[t]--;
			w->sched[pos] = t;
			drv_walk_at(w, pos + 1);
			w->left[t]++;
		}
}

static inline long drv_schedules(int n, const int *steps,
				 void (*each)(const int *, int, void *),
				 void *arg)
{
	struct drv_walk w = {.n = n, .each = each, .arg = arg};
	for (int t = 0; t < n; t++) {
		w.left[t] = steps[t];
		w.len += steps[t];
	}
	drv_walk_at(&w, 0);
	return w.count;
}

static inline long drv_binom(int n, int k)
{
	long c = 1;
	for (int i = 1; i <= k; i++)
		c = c * (n - k + i) / i;
	return c;
}

static inline const char *drv_letters(const int *sched, int len)
{
	static char out[DRV_MAX + 1];
	for (int i = 0; i < len; i++)
		out[i] = (char)('A' + sched[i]);
	out[len] = '\0';
	return out;
}

#endif
