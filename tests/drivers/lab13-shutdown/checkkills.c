/* checkkills.c: lab13's kill test. 20 times, it forks a small supervisor
 * made of the lab's parts (signals_open, worker_start, signals_next,
 * stop_all) with a polite worker and a stuck one (it ignores requests and
 * SIGTERM), and sends it SIGINT, SIGTERM or SIGKILL at a random moment.
 * As a subreaper it gets every orphan. After SIGINT or SIGTERM the
 * supervisor must stop, reap its workers and exit 0; after SIGKILL (even
 * during its start) its workers must die at once. Prints "ok". */
#define _GNU_SOURCE
#include "verdict.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "shutdown.h"

#define TRIALS 20

/* The supervisor: tells `ready` when set up, stops on SIGINT or SIGTERM. */
static noreturn void supervisor(int ready)
{
	int fd = signals_open();
	struct wcfg polite = {2, 0, false}, stuck = {2, 0, true};
	struct worker w[2];
	w[0].pid = worker_start(&polite, &w[0].cmd);
	w[1].pid = worker_start(&stuck, &w[1].cmd);
	if (write(ready, "r", 1) != 1)
		_exit(1);
	for (;;) {
		int sig = signals_next(fd, 1000);
		if (sig == SIGINT || sig == SIGTERM)
			break;
	}
	stop_all(w, 2, 5);
	_exit(0);
}

static const char *name(int sig)
{
	return sig == SIGINT    ? "SIGINT"
	       : sig == SIGTERM ? "SIGTERM"
				: "SIGKILL";
}

/* One trial: sig after delay_us, counted from when the supervisor is
 * ready (set up, workers started), or with early, from the fork. */
static void trial(int n, int sig, bool early, long delay_us)
{
	int p[2];
	wb_sys(pipe(p), "pipe");
	pid_t s = wb_sys(fork(), "fork");
	if (s == 0) {
		close(p[0]);
		supervisor(p[1]);
	}
	close(p[1]);
	char c;
	if (!early && read(p[0], &c, 1) != 1)
		drv_fail("trial %d: the supervisor died while starting", n);
	close(p[0]);
	wb_sleep_ns((uint64_t)delay_us * 1000u);
	kill(s, sig);
	/* Reap the supervisor and every orphan, for at most 2 s. */
	uint64_t start = wb_now_ns();
	int orphans = 0;
	for (;;) {
		int wst = 0;
		pid_t r = waitpid(-1, &wst, WNOHANG);
		if (r == s && sig != SIGKILL &&
		    !(WIFEXITED(wst) && WEXITSTATUS(wst) == 0))
			drv_fail(
				"trial %d: %s %ld us after the supervisor was "
				"ready: it did not stop its workers and exit 0 "
				"(%s)",
				n, name(sig), delay_us,
				WIFSIGNALED(wst) ? "the signal killed it"
						 : "it exited with an error");
		if (r == s)
			continue;
		if (r > 0)
			orphans++; /* a worker whose parent died before it */
		else if (r == -1 && errno == ECHILD)
			break;
		else if (drv_ms_since(start) > 2000)
			drv_fail("trial %d (%s %ld us after %s): a process "
				 "still runs 2 s later: a worker outlived its "
				 "supervisor",
				 n, name(sig), delay_us,
				 early ? "the fork"
				       : "the supervisor was ready");
		else
			wb_sleep_ns(1000000);
	}
	if (sig == SIGKILL)
		return;
	if (orphans)
		drv_fail("trial %d: %s %ld us after the supervisor was ready: "
			 "it exited leaving %d worker(s) unreaped",
			 n, name(sig), delay_us, orphans);
}

int main(void)
{
	drv_name = "checkkills";
	setvbuf(stdout, NULL, _IOLBF, 0);
	wb_sys(prctl(PR_SET_CHILD_SUBREAPER, 1), "prctl");
	/* SIGINT and SIGTERM once the supervisor is ready; SIGKILL then too,
	 * or at any moment from the fork (while it starts its workers). */
	const int sigs[] = {SIGINT, SIGTERM, SIGKILL, SIGKILL};
	unsigned seed = (unsigned)wb_now_ns();
	for (int n = 0; n < TRIALS; n++)
		trial(n + 1, sigs[n % 4], n % 4 == 3, rand_r(&seed) % 5000);
	printf("checkkills: ok\n");
	return 0;
}
