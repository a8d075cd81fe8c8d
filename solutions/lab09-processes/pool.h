/* pool.h: a pool of worker processes over pipes, like Python's
 * concurrent.futures.ProcessPoolExecutor. Each worker has a task pipe
 * (the pool writes) and a result pipe (the pool reads), and runs one task
 * at a time. A worker that dies leaves end of file on its result pipe:
 * the pool sees it, reaps the worker and calls itself broken, as Python's
 * BrokenProcessPool, instead of waiting for ever. */
#ifndef POOL_H
#define POOL_H

#include <sys/types.h>

#define POOL_MAX 64 /* workers at most */

struct task {
	int id;   /* 1, 2, ... */
	long arg; /* what the work function gets */
};

struct result {
	int id;     /* the task's */
	long value; /* what the work function returned */
};

struct worker {
	pid_t pid;  /* 0 once reaped */
	int to;     /* write end of its task pipe, -1 once closed */
	int from;   /* read end of its result pipe, -1 once closed */
	int task;   /* the id of the task it runs, -1 when idle */
	int status; /* its wait status, once reaped */
};

struct pool {
	struct worker w[POOL_MAX];
	int workers;
	int dead; /* the worker found dead, or -1 */
};

/* What a worker does with a task; runs in the worker process. */
typedef long work_fn(const struct task *t);

/* Forks the workers, each in a loop: read a task, run work, send the
 * result, until end of file on its task pipe. A worker dies with the
 * process that started the pool (PR_SET_PDEATHSIG). */
void pool_start(struct pool *p, int workers, work_fn *work);
/* Sends t to idle worker i, which is then busy with t->id. 0, or -1 when
 * the worker has died: then it is buried and p->dead is i. */
int pool_send(struct pool *p, int i, const struct task *t);

#define POOL_IDLE   (-1) /* pool_collect: no worker runs a task */
#define POOL_BROKEN (-2) /* pool_collect: a worker died */
/* Waits for the first result of any worker and returns that worker's
 * index, with the result in *r; the worker is idle again. Returns
 * POOL_IDLE at once if no worker runs a task, and POOL_BROKEN as soon as
 * any worker, busy or idle, has died: then that worker is buried (reaped,
 * its status in w[i].status, its task still in w[i].task) and p->dead is
 * its index. */
int pool_collect(struct pool *p, struct result *r);
/* Closes worker i's pipes and reaps it (its wait status in w[i].status). */
void pool_bury(struct pool *p, int i);
/* Closes every task pipe (the workers end at end of file) and reaps every
 * worker; with kill, sends them SIGKILL first (for a broken pool). */
void pool_stop(struct pool *p, int kill);

#endif
