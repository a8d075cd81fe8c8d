/* pool.c: W workers, each in a loop: take a task, run it, put its outcome
 * in its future. submit only queues; shutdown closes the queue, may cancel
 * what is still in it, and joins the workers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "wb.h"

int pool_default_workers(void)
{
	int n = wb_cpus() + 4;
	return n < 32 ? n : 32;
}

/* Runs t unless it was cancelled, and hands its outcome to its future. */
static void run(struct task *t)
{
	if (!future_start(t->f))
		return;
	struct outcome o = {0};
	t->fn(t->arg, &o);
	future_set(t->f, &o);
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	/* STARTER BEGIN
	// TODO(lab07): loop: take a task (taskq_take) and run it, until
	// taskq_take says the queue is closed and empty
	(void)p;
	STARTER END */
	struct task t;
	while (taskq_take(&p->q, &t))
		run(&t);
	/* SOLUTION END */
	return NULL;
}

void pool_init(struct pool *p, int workers, int capacity)
{
	*p = (struct pool){.workers = workers};
	taskq_init(&p->q, capacity);
	p->threads = wb_alloc((size_t)workers * sizeof *p->threads);
	for (int i = 0; i < workers; i++)
		wb_check(pthread_create(&p->threads[i], NULL, worker, p),
			 "pthread_create");
}

struct future *pool_submit(struct pool *p, task_fn *fn, void *arg)
{
	struct task t = {fn, arg, future_new()};
	/* STARTER BEGIN
	// TODO(lab07): queue the task for the workers (taskq_put) instead of
	// running it here; return NULL (and free t.f) if the queue is closed
	(void)p;
	run(&t);
	STARTER END */
	if (!taskq_put(&p->q, t)) {
		future_free(t.f);
		return NULL;
	}
	/* SOLUTION END */
	return t.f;
}

void pool_map(struct pool *p, task_fn *fn, void **args, int n,
	      struct outcome *out)
{
	struct future **fs = wb_alloc((size_t)n * sizeof *fs);
	for (int i = 0; i < n; i++)
		fs[i] = pool_submit(p, fn, args[i]);
	/* Waiting for each in turn keeps submission order: a later task
	 * that finished first just waits in its future. */
	for (int i = 0; i < n; i++) {
		out[i] = (struct outcome){0};
		if (!fs[i]) {
			out[i].err = ECANCELED;
			strcpy(out[i].msg, "pool shut down");
			continue;
		}
		out[i].err = future_result(fs[i], &out[i].value);
		if (out[i].err)
			snprintf(out[i].msg, sizeof out[i].msg, "%s",
				 future_error(fs[i]));
		future_free(fs[i]);
	}
	free(fs);
}

void pool_shutdown(struct pool *p, bool wait, bool cancel)
{
	taskq_close(&p->q);
	/* Python's cancel_futures: what no worker has taken never runs. */
	/* STARTER BEGIN
	// TODO(lab07): with cancel, take every task left in the queue
	// (taskq_drop) and cancel its future
	(void)cancel;
	STARTER END */
	struct task t;
	while (cancel && taskq_drop(&p->q, &t))
		future_cancel(t.f);
	/* SOLUTION END */
	/* The workers end once the queue is closed and empty. */
	if (wait && !p->joined) {
		for (int i = 0; i < p->workers; i++)
			wb_check(pthread_join(p->threads[i], NULL),
				 "pthread_join");
		p->joined = true;
	}
}

void pool_free(struct pool *p)
{
	taskq_destroy(&p->q);
	free(p->threads);
}
