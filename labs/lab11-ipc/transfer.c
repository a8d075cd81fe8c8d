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
#include <string.h>
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

/* fill: frame i is a fixed pattern with i in its first 8 bytes */
void fill(long i, unsigned char *p, size_t n)
{
	for (size_t j = 0; j < n; j++)
		p[j] = j < 8 ? (unsigned char)((unsigned long)i >> (8 * j) ^
					       0x5a)
			     : (unsigned char)(j * 7 + j / 251);
}

static void reader(const struct plan *p, struct chan *c, int report)
{
	struct result r = {.bad_frame = -1};
	unsigned char *buf = wb_alloc(p->size + 1), *want = wb_alloc(p->size);
	size_t len;
	fill(0, want, p->size);
	enum frame_status s;
	while ((s = frame_read(c, buf, p->size, &len)) == FRAME_OK) {
		fill(r.frames, want, p->size < 8 ? p->size : 8);
		if (len == p->size && memcmp(buf, want, len) == 0) {
			r.intact++;
		} else if (r.bad_frame < 0) {
			r.bad_frame = r.frames;
			r.bad_len = len;
		}
		r.frames++;
	}
	r.status = s;
	r.err = errno;
	if (s == FRAME_TOO_BIG || s == FRAME_CUT)
		r.bad_len = len;
	/* Read on to the end, so the writer is not left blocked. */
	while (s != FRAME_IO && chan_read(c, buf, p->size + 1) > 0)
		;
	r.reads = c->reads;
	r.short_reads = c->short_reads;
	if (write(report, &r, sizeof r) != sizeof r) /* < PIPE_BUF: whole */
		_exit(1);
}

/* writer: the frames, the last one spoilt as the plan says */
static void writer(const struct plan *p, struct chan *c, unsigned char *buf)
{
	for (long i = 0; i < p->count; i++) {
		fill(i, buf, p->size < 8 ? p->size : 8);
		unsigned char head[FRAME_HEAD];
		int rc;
		if (i < p->count - 1 || p->fault == NO_FAULT) {
			rc = frame_write(c, buf, (uint32_t)p->size, p->chunk);
		} else if (p->fault == FAULT_LENGTH) {
			frame_head(head, (uint32_t)p->size + 1); /* a lie */
			rc = (int)write_full(c, head, sizeof head);
		} else { /* cut: half the frame, then the end */
			frame_head(head, (uint32_t)p->size);
			rc = (int)write_full(c, head, p->size ? 4 : 2);
			if (rc >= 0)
				rc = (int)write_full(c, buf, p->size / 2);
		}
		if (rc < 0 && errno == EPIPE)
			return; /* the reader left: its report says why */
		if (rc < 0)
			wb_die("write", errno);
	}
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
		reader(p, &c, rep[1]);
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
	writer(p, &c, buf);
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
