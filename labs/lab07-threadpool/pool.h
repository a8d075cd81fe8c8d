/* pool.h: a fixed team of worker threads taking tasks from a bounded queue,
 * like Python's concurrent.futures.ThreadPoolExecutor: submit hands back a
 * future at once; the workers run the tasks and fill the futures in. */
#ifndef POOL_H
#define POOL_H

#include <pthread.h>
#include <stdbool.h>

#include "future.h"
#include "taskq.h"

struct pool {
	pthread_t *threads; /* the workers */
	int workers;
	bool joined;    /* a shutdown has joined the workers */
	struct taskq q; /* the tasks submitted and not yet taken */
};

/* Python's default size since 3.8: min(32, CPUs + 4). */
int pool_default_workers(void);

/* Starts the workers; up to capacity tasks wait in the queue. */
void pool_init(struct pool *p, int workers, int capacity);

/* Queues fn(arg), waiting while the queue is full; returns its future (the
 * caller frees it), or NULL once the pool is shut down. */
struct future *pool_submit(struct pool *p, task_fn *fn, void *arg);

/* Runs fn(args[i]) for i < n on the pool; out[i] is the outcome of args[i],
 * in submission order whatever order they finish in. */
void pool_map(struct pool *p, task_fn *fn, void **args, int n,
	      struct outcome *out);

/* No more submits. With cancel, the tasks still queued are not run and their
 * futures say CANCELLED. With wait, returns once every task taken has run
 * and every worker has ended. May be called again, to wait. */
void pool_shutdown(struct pool *p, bool wait, bool cancel);

void pool_free(struct pool *p); /* after pool_shutdown(p, true, ...) */

#endif
