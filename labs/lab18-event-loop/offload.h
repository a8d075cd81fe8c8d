/* offload.h: worker threads for the loop's CPU work, like asyncio's
 * loop.run_in_executor: the loop submits a job and goes on serving; a
 * worker computes it and hands it back through an eventfd the loop
 * watches with the sockets. */
#ifndef OFFLOAD_H
#define OFFLOAD_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

struct job {
	uint64_t n;      /* the work: sum of i*i for i < n */
	uint64_t result; /* the worker's answer */
	int fd;          /* the connection that asked ... */
	unsigned gen;    /* ... and which one of those on that fd */
	struct job *next;
};

struct offload {
	int efd; /* eventfd: readable while finished jobs wait for the loop */
	pthread_mutex_t lock;          /* guards the lists and closing */
	pthread_cond_t more;           /* todo got a job, or closing */
	struct job *todo, **todo_tail; /* submitted, first in first out */
	struct job *done;              /* finished, not yet taken by the loop */
	bool closing;
	int workers;
	pthread_t *threads;
};

void offload_start(struct offload *o, int workers);
/* Queues j for a worker; the loop gets it back from offload_done. */
void offload_submit(struct offload *o, struct job *j);
/* Called by the loop when o->efd is readable: takes every finished job
 * (a list linked by next, in any order) and makes o->efd unreadable until
 * the next one finishes. */
struct job *offload_done(struct offload *o);
/* Ends the workers once the running jobs end; frees the jobs left. */
void offload_stop(struct offload *o);

#endif
