/* worker.c: a worker does its work in steps; between two steps it looks
 * at its command pipe, and end of file there asks it to stop. A stuck
 * worker never looks and ignores SIGTERM: only SIGKILL ends it. */
#define _GNU_SOURCE /* close_range */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "shutdown.h"
#include "wb.h"

#define STUCK_LIMIT_S 30 /* even a stuck orphan ends some day */

noreturn void worker_main(const struct wcfg *c, int cmd)
{
	if (c->stuck) {
		signal(SIGTERM, SIG_IGN);
		alarm(STUCK_LIMIT_S);
	}
	for (long step = 1;; step++) {
		if (step == c->crash_every) {
			prctl(PR_SET_DUMPABLE, 0); /* no core file */
			abort();                   /* the crash: SIGABRT */
		}
		wb_sleep_ns((uint64_t)c->step_ms * 1000000u); /* the work */
		if (c->stuck)
			continue;
		struct pollfd p = {.fd = cmd, .events = POLLIN};
		if (poll(&p, 1, 0) == 1) /* end of file: asked to stop */
			_exit(0);
	}
}

pid_t worker_start(const struct wcfg *c, int *cmd)
{
	int fds[2];
	wb_sys(pipe(fds), "pipe");
	pid_t parent = getpid();
	fflush(stdout); /* or the child would print our buffered lines too */
	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		(void)parent; // TODO(lab13): have the kernel SIGKILL this worker when the supervisor dies (prctl); check it has not died already
		/* Only the supervisor takes SIGINT and SIGTERM through its
		 * loop: undo its mask and handlers. Ctrl-C reaches the whole
		 * process group; the supervisor decides what workers do. */
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_IGN);
		/* Keep only our own end of our own pipe: another worker's
		 * write end held open here would hide its end of file. */
		if (fds[0] != 3)
			dup2(fds[0], 3);
		close_range(4, ~0u, 0);
		worker_main(c, 3);
	}
	close(fds[0]);
	*cmd = fds[1];
	return pid;
}
