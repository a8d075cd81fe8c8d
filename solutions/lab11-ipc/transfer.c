/* transfer.c: one transfer. The parent forks a child, writes count frames
 * of size bytes to it and ends the stream; the child reads frames until
 * the end, checks each against what was sent, and writes back a report.
 * Nothing is left behind: the queue's name is unlinked before the fork,
 * the child dies with its parent (PR_SET_PDEATHSIG), and SIGINT or SIGTERM
 * kill and reap the child before the parent ends by the same signal. */
#define _GNU_SOURCE /* prctl */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ipc.h"
#include "wb.h"

static volatile sig_atomic_t child; /* the child of this transfer, or 0 */

static void on_signal(int sig)
{
	/* kill, waitpid and raise are async-signal-safe */
	if (child > 0) {
		kill(child, SIGKILL);
		while (waitpid(child, NULL, 0) == -1 && errno == EINTR)
			;
	}
	signal(sig, SIG_DFL);
	raise(sig); /* delivered when the handler returns: we end by sig */
}

void cleanup_on_signals(void)
{
	struct sigaction sa = {.sa_handler = on_signal};
	wb_sys(sigaction(SIGINT, &sa, NULL), "sigaction");
	wb_sys(sigaction(SIGTERM, &sa, NULL), "sigaction");
	signal(SIGPIPE, SIG_IGN); /* a reader that left: EPIPE, not death */
}

struct result transfer(const struct plan *p)
{
	sigset_t stop, old;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	/* Until child is set, a signal waits: the handler must see it. */
	wb_check(pthread_sigmask(SIG_BLOCK, &stop, &old), "pthread_sigmask");
	struct chan c;
	chan_open(&c, p->t);
	int rep[2];
	wb_sys(pipe(rep), "pipe");
	pid_t parent = getpid(), pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		/* Die with the parent, even by SIGKILL; it may be gone. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		close(rep[0]);
		chan_keep(&c, true);
		transfer_reader(p, &c, rep[1]);
		_exit(0);
	}
	child = pid;
	wb_check(pthread_sigmask(SIG_SETMASK, &old, NULL), "pthread_sigmask");
	close(rep[1]);
	chan_keep(&c, false);
	unsigned char *buf = wb_alloc(p->size ? p->size : 1);
	fill(0, buf, p->size);

	struct result r;
	uint64_t t0 = wb_now_ns();
	transfer_writer(p, &c, buf);
	chan_end(&c);
	ssize_t got;
	while ((got = read(rep[0], &r, sizeof r)) == -1 && errno == EINTR)
		;
	uint64_t t1 = wb_now_ns();

	wb_check(pthread_sigmask(SIG_BLOCK, &stop, NULL), "pthread_sigmask");
	int status;
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			wb_die("waitpid", errno);
	child = 0;
	size_t piece = c.piece;
	chan_close(&c);
	close(rep[0]);
	wb_check(pthread_sigmask(SIG_SETMASK, &old, NULL), "pthread_sigmask");
	free(buf);
	if (got != sizeof r) {
		fprintf(stderr,
			"%s: the child ended without a report (%s %d)\n",
			wb_prog, WIFSIGNALED(status) ? "signal" : "status",
			WIFSIGNALED(status) ? WTERMSIG(status)
					    : WEXITSTATUS(status));
		exit(1);
	}
	r.ns = t1 - t0;
	r.piece = piece;
	return r;
}
