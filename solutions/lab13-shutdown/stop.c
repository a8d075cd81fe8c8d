/* stop.c: stopping workers as a good supervisor does: ask first, wait a
 * grace period, then SIGTERM, wait again, then SIGKILL, which nothing can
 * ignore; and reap every one, so that no zombie is left. */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shutdown.h"
#include "wb.h"

/* Reaps the workers that have ended, noting `how`; returns how many are
 * still running. */
static int reap_ended(struct worker *w, int n, enum how how)
{
	int left = 0;
	for (int i = 0; i < n; i++) {
		if (w[i].pid <= 0)
			continue;
		pid_t r = waitpid(w[i].pid, &w[i].status, WNOHANG);
		if (r == -1 && errno != EINTR)
			wb_die("waitpid", errno);
		if (r == w[i].pid) {
			w[i].pid = 0;
			w[i].how = how;
		} else {
			left++;
		}
	}
	return left;
}

/* Waits up to ms for the workers to end; returns how many are left. */
static int wait_ended(struct worker *w, int n, enum how how, long ms)
{
	uint64_t end = wb_now_ns() + (uint64_t)ms * 1000000u;
	int left;
	while ((left = reap_ended(w, n, how)) > 0 && wb_now_ns() < end)
		wb_sleep_ns(1000000); /* look again in 1 ms */
	return left;
}

/* STARTER BEGIN
// TODO(lab13): write signal_all(w, n, sig): kill(2) every worker that still runs
STARTER END */
/* Sends sig to every worker still running. */
static void signal_all(struct worker *w, int n, int sig)
{
	for (int i = 0; i < n; i++)
		if (w[i].pid > 0)
			wb_sys(kill(w[i].pid, sig), "kill");
}
/* SOLUTION END */

void stop_all(struct worker *w, int n, long grace_ms)
{
	for (int i = 0; i < n; i++) { /* the request: end of file */
		if (w[i].cmd >= 0)
			close(w[i].cmd);
		w[i].cmd = -1;
	}
	/* STARTER BEGIN
	// TODO(lab13): wait grace_ms only; then SIGTERM those left (signal_all), wait grace_ms again, then SIGKILL
	while (wait_ended(w, n, HOW_ASKED, grace_ms) > 0)
		; // a worker that never ends keeps us here for ever
	STARTER END */
	if (wait_ended(w, n, HOW_ASKED, grace_ms) == 0)
		return;
	signal_all(w, n, SIGTERM);
	if (wait_ended(w, n, HOW_TERM, grace_ms) == 0)
		return;
	signal_all(w, n, SIGKILL);
	/* SIGKILL cannot be caught or ignored: this wait is short. */
	while (wait_ended(w, n, HOW_KILL, 1000) > 0)
		;
	/* SOLUTION END */
}
