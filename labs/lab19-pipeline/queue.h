/* queue.h: a bounded FIFO queue of lines between two stages, like Python's
 * queue.Queue(maxsize) with 3.13's shutdown: put waits while it is full (the
 * back-pressure), get waits while it is empty, close is the end of input and
 * shutdown stops everything at once. */
#ifndef QUEUE_H
#define QUEUE_H

#include <pthread.h>
#include <stdbool.h>

#define TEXT_MAX 120 /* a line's text, its final NUL included */

/* What flows through the pipeline: one line of text, or a part of one. */
struct msg {
	long seq;            /* the line it came from: 0, 1, 2, ... */
	int n;               /* words in text */
	char text[TEXT_MAX]; /* words split by single spaces */
};

struct queue {
	struct msg *slots; /* a ring buffer of capacity slots */
	long capacity, head, count;
	long max_depth;           /* the largest count seen, for the report */
	bool closed;              /* queue_close: no more puts */
	bool shut;                /* queue_shutdown: no more puts or gets */
	pthread_mutex_t lock;     /* guards every field above */
	pthread_cond_t not_full;  /* put waits here */
	pthread_cond_t not_empty; /* get waits here */
};

void queue_init(struct queue *q, long capacity);
void queue_destroy(struct queue *q); /* no thread may be using q */
/* Adds *m, waiting while full; false (nothing added) once closed or shut. */
bool queue_put(struct queue *q, const struct msg *m);
/* Takes the oldest into *m, waiting while empty; false once shut, or once
 * closed and empty: a closed queue still hands out what it holds. */
bool queue_get(struct queue *q, struct msg *m);
/* The end of input (Python's shutdown()): every put fails from now on. */
void queue_close(struct queue *q);
/* Stop now (Python's shutdown(immediate=True)): put and get fail at once,
 * what the queue holds is dropped. Wakes every waiting thread. */
void queue_shutdown(struct queue *q);
long queue_depth(struct queue *q);     /* items in it now */
long queue_max_depth(struct queue *q); /* the most it ever held */

#endif
