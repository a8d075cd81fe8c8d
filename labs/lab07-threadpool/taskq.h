/* taskq.h: the pool's bounded FIFO queue of tasks (lab06's queue, holding
 * tasks): put waits while it is full, take waits while it is empty, and
 * close ends the waiting. */
#ifndef TASKQ_H
#define TASKQ_H

#include <pthread.h>
#include <stdbool.h>

#include "future.h"

/* A task fills in *out: a value, or an error code and message. */
typedef void task_fn(void *arg, struct outcome *out);

struct task {
	task_fn *fn; /* fn(arg, &outcome) is the work */
	void *arg;
	struct future *f; /* where its outcome goes */
};

struct taskq {
	struct task *slots; /* a ring buffer of capacity slots */
	int capacity, head, count;
	bool closed;              /* set once by taskq_close */
	pthread_mutex_t lock;     /* guards every field above */
	pthread_cond_t not_empty; /* take waits here */
	pthread_cond_t not_full;  /* put waits here */
};

void taskq_init(struct taskq *q, int capacity);
void taskq_destroy(struct taskq *q);
/* Adds t, waiting while full; false (nothing added) once closed. */
bool taskq_put(struct taskq *q, struct task t);
/* Takes the oldest task, waiting while empty; false once closed and empty. */
bool taskq_take(struct taskq *q, struct task *t);
/* Takes the oldest task if there is one, without waiting. */
bool taskq_drop(struct taskq *q, struct task *t);
/* Every put fails from now on; wakes every waiting thread. */
void taskq_close(struct taskq *q);

#endif
