/* pool.c: the pool's side and the workers' side of the pipes. */
#define _GNU_SOURCE /* prctl(PR_SET_PDEATHSIG) */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "pool.h"
#include "procs.h"
#include "wb.h"

/* A worker: one task after another, until the pool closes its pipe. */
static noreturn void serve(int in, int out, work_fn *work)
{
	struct task t;
	ssize_t n;
	while ((n = recv_msg(in, &t, sizeof t)) == sizeof t) {
		struct result r = {t.id, work(&t)};
		if (send_msg(out, &r, sizeof r) == -1)
			_exit(1);
	}
	_exit(n == 0 ? 0 : 1); /* end of file: the pool is done with us */
}

void pool_start(struct pool *p, int workers, work_fn *work)
{
	p->workers = workers;
	p->dead = -1;
	/* A write to the pipe of a worker that has died would kill us with
	 * SIGPIPE: we want the error EPIPE instead, to say who died. */
	signal(SIGPIPE, SIG_IGN);
	pid_t parent = getpid();
	fflush(NULL); /* or buffered output would be written twice */
	for (int i = 0; i < workers; i++) {
		int task[2], res[2];
		wb_sys(pipe(task), "pipe");
		wb_sys(pipe(res), "pipe");
		pid_t pid = wb_sys(fork(), "fork");
		if (pid == 0) {
			// TODO(lab09): die with the parent: prctl(PR_SET_PDEATHSIG, SIGKILL), then _exit(1) if getppid() is no longer parent
			(void)parent;
			/* Keep our own two ends only: the fork copied the
			 * pool's ends of the workers before us as well. */
			for (int j = 0; j < i; j++) {
				close(p->w[j].to);
				close(p->w[j].from);
			}
			close(task[1]);
			close(res[0]);
			serve(task[0], res[1], work);
		}
		close(task[0]);
		close(res[1]);
		p->w[i] = (struct worker){pid, task[1], res[0], -1, 0};
	}
}

int pool_send(struct pool *p, int i, const struct task *t)
{
	if (send_msg(p->w[i].to, t, sizeof *t) == -1) {
		if (errno != EPIPE)
			wb_die("write (task pipe)", errno);
		pool_bury(p, i); /* nobody reads: it has died */
		p->dead = i;
		return -1;
	}
	p->w[i].task = t->id;
	return 0;
}

void pool_bury(struct pool *p, int i)
{
	struct worker *w = &p->w[i];
	close(w->to);
	close(w->from);
	w->to = w->from = -1;
	w->status = reap(w->pid);
	if (w->status == -1)
		wb_die("waitpid", errno);
	w->pid = 0;
}

void pool_stop(struct pool *p, int kill_them)
{
	for (int i = 0; i < p->workers; i++)
		if (p->w[i].pid && kill_them)
			kill(p->w[i].pid, SIGKILL);
	for (int i = 0; i < p->workers; i++)
		if (p->w[i].pid)
			pool_bury(p, i);
}
