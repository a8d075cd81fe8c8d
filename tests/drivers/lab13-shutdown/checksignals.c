/* checksignals.c: lab13's test driver for signals.c. After signals_open,
 * SIGTERM and SIGINT must not end the process: signals_next must report
 * them, each once, whether they came before the wait or during it (sent by
 * another process at a chosen moment), and SIGCHLD too. With nothing
 * pending, it must return 0 after its timeout. Prints "ok". */
#define _GNU_SOURCE
#include "verdict.h"

#include <signal.h>
#include <sys/wait.h>

#include "shutdown.h"

static const char *what; /* the check under way, for the alarm */

static void on_alarm(int sig)
{
	(void)sig;
	char line[200];
	int n = snprintf(line, sizeof line,
			 "checksignals: FAIL: %s: no "
			 "answer within 5 s\n",
			 what);
	write(1, line, (size_t)n);
	_exit(1);
}

/* A child that sends sig to us after ms milliseconds, then ends. */
static pid_t send_later(int sig, long ms)
{
	pid_t parent = getpid(), pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		wb_sleep_ns((uint64_t)ms * 1000000u);
		kill(parent, sig);
		_exit(0);
	}
	return pid;
}

/* signals_next must give want (and, if also, that one too) within 3 s;
 * a 0 (nothing) before then is allowed. */
static void expect(int fd, int want, int also)
{
	uint64_t start = wb_now_ns();
	while (want || also) {
		int got = signals_next(fd, 3000);
		if (drv_ms_since(start) > 3000)
			drv_fail("%s: signals_next reported nothing for 3 s",
				 what);
		if (got == 0) /* early, as after EINTR: ask again */
			continue;
		if (got == want)
			want = 0;
		else if (got == also)
			also = 0;
		else
			drv_fail("%s: signals_next reported signal %d", what,
				 got);
	}
}

int main(void)
{
	drv_name = "checksignals";
	signal(SIGALRM, on_alarm);
	alarm(5);
	int fd = signals_open();

	what = "a SIGTERM sent before signals_next";
	kill(getpid(), SIGTERM);
	expect(fd, SIGTERM, 0);
	what = "after one SIGTERM was reported";
	if (signals_next(fd, 20) != 0)
		drv_fail("%s, signals_next reported another signal", what);

	what = "a SIGINT sent by another process during signals_next, then "
	       "that process's SIGCHLD";
	pid_t c = send_later(SIGINT, 30);
	expect(fd, SIGINT, SIGCHLD);
	wb_sys(waitpid(c, NULL, 0), "waitpid");

	what = "a SIGTERM sent by another process during signals_next";
	c = send_later(SIGTERM, 30);
	expect(fd, SIGTERM, SIGCHLD);
	wb_sys(waitpid(c, NULL, 0), "waitpid");

	what = "signals_next(fd, 50) with no signal pending";
	uint64_t start = wb_now_ns();
	int got = signals_next(fd, 50);
	long ms = drv_ms_since(start);
	if (got != 0)
		drv_fail("%s returned %d, not 0", what, got);
	if (ms < 45)
		drv_fail("%s returned after %ld ms, before its timeout", what,
			 ms);
	alarm(0);
	printf("checksignals: ok\n");
	return 0;
}
