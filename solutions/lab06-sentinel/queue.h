/* queue.h: a bounded FIFO queue of items that many threads share, like
 * Python's queue.Queue(maxsize): put waits while it is full, get waits while
 * it is empty, and close (Python 3.13's Queue.shutdown) ends the waiting. */
#ifndef QUEUE_H
#define QUEUE_H

#include <pthread.h>
#include <stdbool.h>

struct item {
	int producer; /* who made it (sentinel.c marks a sentinel with -1) */
	long seq;     /* that producer's count: 0, 1, 2, ... */
};

struct queue {
	struct item *slots; /* a ring buffer of capacity slots */
	long capacity;
	long head;                /* the oldest item's slot */
	long count;               /* items in the queue, 0 to capacity */
	bool closed;              /* set once by queue_close, never cleared */
	pthread_mutex_t lock;     /* guards every field above */
	pthread_cond_t not_full;  /* put waits here while count == capacity */
	pthread_cond_t not_empty; /* get waits here while count == 0 */
};

void queue_init(struct queue *q, long capacity);
void queue_destroy(struct queue *q); /* no thread may be using q */

/* Adds it at the tail, waiting while the queue is full. Returns false, and
 * adds nothing, if the queue is closed. */
bool queue_put(struct queue *q, struct item it);

/* Takes the item at the head into *it, waiting while the queue is empty.
 * Returns false once the queue is closed and empty: a closed queue still
 * hands out what it holds. */
bool queue_get(struct queue *q, struct item *it);

/* From now on every put fails; wakes every thread waiting in put or get. */
void queue_close(struct queue *q);

/* Wakes every thread waiting in put or get, for no reason: a spurious
 * wake-up on demand, which a correct waiter shrugs off. */
void queue_nudge(struct queue *q);

#endif
