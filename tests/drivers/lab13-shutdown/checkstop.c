/* checkstop.c: lab13's test driver for stop_all (stop.c), against children
 * it forks itself: one stops when asked (after finishing its 30 ms step),
 * one ignores the request but cleans up for 30 ms and exits on SIGTERM,
 * one ignores both (only SIGKILL ends it), one has ended already. Each
 * notes, in shared memory, when SIGTERM came. stop_all must ask first, wait
 * the grace, then SIGTERM, wait, then SIGKILL, and reap all. Prints "ok". */
#define _GNU_SOURCE
#include "verdict.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "shutdown.h"

#define GRACE_MS 50
#define STEP_MS  30 /* the polite ones need this long to end */

enum kind { POLITE, CLEANS_UP, DEAF, GONE };
static const char *const kinds[] = {
	"the worker that stops when asked",
	"the worker that ignores the request and exits on SIGTERM",
	"the worker that ignores the request and SIGTERM",
	"the worker that had ended already"};

static struct seen {
	_Atomic uint64_t term_ns; /* when SIGTERM came; 0: never */
	atomic_int done;          /* it finished its work and exits */
} * seen;                         /* shared with the children */
static int me;                    /* a child's index into seen */

static void on_term(int sig)
{
	(void)sig;
	atomic_store(&seen[me].term_ns, wb_now_ns());
}

static noreturn void child(enum kind k, int cmd)
{
	signal(SIGTERM, on_term);
	char c;
	switch (k) {
	case POLITE:
		while (read(cmd, &c, 1) != 0) /* until end of file */
			;
		break;
	case CLEANS_UP:
		while (!atomic_load(&seen[me].term_ns))
			wb_sleep_ns(1000000);
		break;
	case DEAF:
		for (;;)
			pause();
	case GONE:
		_exit(0);
	}
	wb_sleep_ns(STEP_MS * 1000000u); /* the end of the step, or cleanup */
	atomic_store(&seen[me].done, 1);
	_exit(0);
}

static struct worker start(int i, enum kind k)
{
	int fds[2];
	wb_sys(pipe(fds), "pipe");
	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		me = i;
		dup2(fds[0], 3);
		close_range(4, ~0u, 0); /* no other child's write end */
		child(k, 3);
	}
	close(fds[0]);
	return (struct worker){.pid = pid, .cmd = fds[1]};
}

static const char *hang; /* what it means if stop_all does not return */

static void on_alarm(int sig)
{
	(void)sig;
	char m[300];
	int n = snprintf(m, sizeof m,
			 "checkstop: FAIL: stop_all did not return within 1 s: "
			 "%s\n",
			 hang);
	write(1, m, (size_t)n);
	_exit(1);
}

/* No child of ours is left, running or zombie. */
static void all_reaped(const char *when)
{
	if (waitpid(-1, NULL, WNOHANG) != -1 || errno != ECHILD)
		drv_fail("%s, a worker was left unreaped", when);
}

int main(void)
{
	drv_name = "checkstop";
	seen = mmap(NULL, 4 * sizeof *seen, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (seen == MAP_FAILED)
		wb_die("mmap", errno);
	signal(SIGALRM, on_alarm);

	/* 1: three polite workers and a long grace: no need to wait it. */
	struct worker w[4];
	for (int i = 0; i < 3; i++)
		w[i] = start(i, POLITE);
	hang = "three polite workers end within 30 ms of the request; "
	       "stop_all should return then, not wait the whole grace";
	alarm(1);
	uint64_t t0 = wb_now_ns();
	stop_all(w, 3, 5000);
	long ms = drv_ms_since(t0);
	all_reaped("after stopping three polite workers");
	for (int i = 0; i < 3; i++)
		if (!atomic_load(&seen[i].done) ||
		    atomic_load(&seen[i].term_ns))
			drv_fail("three polite workers: one was signalled "
				 "instead of being asked");
	if (ms > 1000)
		drv_fail("three polite workers that end within %d ms took "
			 "stop_all %ld ms: it should return once all have "
			 "ended, not wait the whole grace of 5000 ms",
			 STEP_MS, ms);

	/* 2: one of each kind. */
	memset(seen, 0, 4 * sizeof *seen);
	for (int i = 0; i < 4; i++)
		w[i] = start(i, (enum kind)i);
	siginfo_t info; /* wait until GONE has ended, and leave it a zombie */
	wb_sys(waitid(P_PID, (id_t)w[GONE].pid, &info, WEXITED | WNOWAIT),
	       "waitid");
	hang = "a worker that ignores the request and SIGTERM needs SIGKILL";
	alarm(1);
	t0 = wb_now_ns();
	stop_all(w, 4, GRACE_MS);
	ms = drv_ms_since(t0);
	alarm(0);
	all_reaped("after stop_all");
	uint64_t grace = t0 + GRACE_MS * 1000000u;
	if (!atomic_load(&seen[POLITE].done) ||
	    atomic_load(&seen[POLITE].term_ns))
		drv_fail("%s got SIGTERM before its %d ms step ended",
			 kinds[POLITE], STEP_MS);
	for (int i = CLEANS_UP; i <= DEAF; i++) {
		uint64_t t = atomic_load(&seen[i].term_ns);
		if (!t)
			drv_fail("%s never got SIGTERM", kinds[i]);
		if (t < grace)
			drv_fail("%s got SIGTERM %ld ms after the request, "
				 "before the grace of %d ms ended",
				 kinds[i], (long)((t - t0) / 1000000u),
				 GRACE_MS);
	}
	if (!atomic_load(&seen[CLEANS_UP].done))
		drv_fail("%s was killed during its %d ms cleanup: SIGKILL must "
			 "wait another grace after SIGTERM",
			 kinds[CLEANS_UP], STEP_MS);
	if (ms < 2 * GRACE_MS)
		drv_fail(
			"stop_all ended %s after %ld ms, before the two graces "
			"(%d ms) had passed",
			kinds[DEAF], ms, 2 * GRACE_MS);
	const enum how want[] = {HOW_ASKED, HOW_TERM, HOW_KILL};
	for (int i = POLITE; i <= DEAF; i++)
		if (w[i].how != want[i])
			drv_fail("%s: how is %d, expected %d", kinds[i],
				 (int)w[i].how, (int)want[i]);
	if (!WIFSIGNALED(w[DEAF].status) || WTERMSIG(w[DEAF].status) != SIGKILL)
		drv_fail("%s: its wait status does not say SIGKILL",
			 kinds[DEAF]);
	for (int i = 0; i < 4; i++)
		if (w[i].pid != 0 || w[i].cmd != -1)
			drv_fail(
				"%s: pid is not 0 or cmd not -1 after stop_all",
				kinds[i]);
	printf("checkstop: ok\n");
	return 0;
}
