/* procstage.c: stage 2 runs in a child process, like a multiprocessing
 * stage in a thread pipeline. A feeding thread writes lines down one pipe,
 * the child cleans them and writes them up another, a draining thread puts
 * them on the next queue. A pipe is a bounded queue too: a full one makes
 * the writer wait. The end of input is the end of the pipe (EOF). */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pipeline.h"
#include "wb.h"

#define END   (-1) /* the child's last message: its times */
#define ERROR (-2) /* the child failed: the message is the text */

/* 1: a whole message; 0: the end of the pipe; -1: an error (errno). */
static int xfer(int fd, struct msg *m, bool out)
{
	size_t done = 0;
	while (done < sizeof *m) {
		ssize_t n = out ? write(fd, (char *)m + done, sizeof *m - done)
				: read(fd, (char *)m + done, sizeof *m - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -1 : 0;
		done += (size_t)n;
	}
	return 1;
}

/* The child: clean each line until the end of its input, then report. */
static void child(struct pipeline *p, int in, int out)
{
	struct times t = {0};
	struct msg m;
	char err[ERR_MAX] = "";
	for (;;) {
		uint64_t t0 = wb_now_ns();
		int got = xfer(in, &m, false);
		t.wait_in += wb_now_ns() - t0;
		if (got <= 0)
			break;
		t0 = wb_now_ns();
		int rc = -1;
		if (stage_hooks(&p->cfg, 2, m.seq, p->fail_line))
			snprintf(err, ERR_MAX,
				 "failed on line %ld (--fail-stage 2)", m.seq);
		else
			rc = clean_line(&m, err);
		t.busy += wb_now_ns() - t0;
		t.items++;
		if (rc !=
		    0) { /* the error travels up the pipe, like a message */
			m = (struct msg){.seq = ERROR};
			snprintf(m.text, TEXT_MAX, "%s", err);
			xfer(out, &m, true);
			_exit(1);
		}
		t0 = wb_now_ns();
		if (xfer(out, &m, true) < 0)
			_exit(1); /* the parent stopped reading: it stops */
		t.wait_out += wb_now_ns() - t0;
	}
	m = (struct msg){.seq = END, .n = (int)t.items};
	snprintf(m.text, TEXT_MAX, "%" PRIu64 " %" PRIu64 " %" PRIu64, t.busy,
		 t.wait_in, t.wait_out);
	xfer(out, &m, true);
	_exit(0); /* not exit: the parent's atexit work is not the child's */
}

void proc_start(struct pipeline *p)
{
	int down[2], up[2];
	wb_sys(pipe(down), "pipe");
	wb_sys(pipe(up), "pipe");
	/* One page each (the default is 64 KiB): less held in the pipes. */
	fcntl(down[1], F_SETPIPE_SZ, 4096);
	fcntl(up[1], F_SETPIPE_SZ, 4096);
	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		child(p, down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	p->child = pid;
	p->to_child = down[1];
	p->from_child = up[0];
}

void *feed_thread(void *arg)
{
	struct worker *w = arg;
	struct pipeline *p = w->p;
	struct msg m;
	while (stage_get(w, &m)) {
		atomic_store(&w->state, 2);
		int rc = xfer(p->to_child, &m, true);
		atomic_store(&w->state, 0);
		if (rc < 0)
			break; /* the child is gone: drain_thread says why */
	}
	/* The end of input, or a stop: the child reads the end of its pipe. */
	close(p->to_child);
	p->to_child = -1;
	return NULL;
}

void *drain_thread(void *arg)
{
	struct worker *w = arg;
	struct pipeline *p = w->p;
	struct msg m;
	for (;;) {
		atomic_store(&w->state, 1);
		int got = xfer(p->from_child, &m, false);
		atomic_store(&w->state, 0);
		if (got <= 0) {
			pipeline_fail(p, 2, "the child process ended early");
			break;
		}
		if (m.seq == ERROR) {
			pipeline_fail(p, 2, m.text);
			break;
		}
		if (m.seq == END) {
			struct times *t = &p->child_t;
			t->items = m.n;
			sscanf(m.text, "%" SCNu64 " %" SCNu64 " %" SCNu64,
			       &t->busy, &t->wait_in, &t->wait_out);
			queue_close(w->out[0]);
			break;
		}
		if (!stage_put(w, 0, &m))
			break; /* shut down: the pipeline stops */
	}
	/* Its next write fails, so the child ends too, even mid-stream. */
	close(p->from_child);
	p->from_child = -1;
	return NULL;
}

void proc_end(struct pipeline *p)
{
	int st;
	while (waitpid(p->child, &st, 0) < 0)
		if (errno != EINTR)
			wb_die("waitpid", errno);
	if (!(WIFEXITED(st) && WEXITSTATUS(st) == 0)) {
		char msg[64];
		snprintf(msg, sizeof msg, "the child process ended with %s %d",
			 WIFEXITED(st) ? "status" : "signal",
			 WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
		pipeline_fail(p, 2, msg);
	}
}
