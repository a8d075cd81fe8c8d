/* future.h: the result of a task that has not finished yet, like Python's
 * concurrent.futures.Future: a state, the outcome, and a condition variable
 * that future_result sleeps on until the state says the task is over. */
#ifndef FUTURE_H
#define FUTURE_H

#include <pthread.h>
#include <stdbool.h>

enum fstate { PENDING, RUNNING, FINISHED, CANCELLED };

/* What a task hands back: a value, or an error code and a message (the C
 * stand-in for an exception, raised at future_result). */
struct outcome {
	long value;
	int err; /* 0: the task succeeded */
	char msg[80];
};

struct waiter; /* as_completed's, see ascompleted.h */

struct future {
	enum fstate state;  /* PENDING -> RUNNING -> FINISHED, or CANCELLED */
	struct outcome out; /* valid once FINISHED */
	struct waiter *waiter; /* an as_completed to tell when over, or NULL */
	pthread_mutex_t lock;  /* guards every field above */
	pthread_cond_t over;   /* broadcast when FINISHED or CANCELLED */
};

struct future *future_new(void);
void future_free(struct future *f); /* no thread may be using f */

/* A worker takes the task: PENDING -> RUNNING. False if it was cancelled. */
bool future_start(struct future *f);
/* The task is done: RUNNING -> FINISHED with *o, and wakes every waiter. */
void future_set(struct future *f, const struct outcome *o);
/* PENDING -> CANCELLED, and wakes every waiter. False if it already runs. */
bool future_cancel(struct future *f);

/* Waits until f is over. Returns 0 and stores the value in *value, or
 * returns the task's error code (ECANCELED if it was cancelled). */
int future_result(struct future *f, long *value);
const char *future_error(struct future *f); /* the message, once over */
bool future_cancelled(struct future *f);

#endif
