/* queue.c: a ring buffer guarded by one mutex, with one condition variable
 * for each thing a thread can wait for: room (not_full) and an item
 * (not_empty). A waiting thread sleeps in the kernel and burns no CPU. */
#include <stdlib.h>
/* STARTER BEGIN
#include <sched.h> // sched_yield, for the polling below
STARTER END */
/* SOLUTION END */

#include "queue.h"
#include "wb.h"

void queue_init(struct queue *q, long capacity)
{
	*q = (struct queue){.capacity = capacity};
	q->slots = wb_alloc((size_t)capacity * sizeof *q->slots);
	wb_check(pthread_mutex_init(&q->lock, NULL), "pthread_mutex_init");
	wb_check(pthread_cond_init(&q->not_full, NULL), "pthread_cond_init");
	wb_check(pthread_cond_init(&q->not_empty, NULL), "pthread_cond_init");
}

void queue_destroy(struct queue *q)
{
	wb_check(pthread_cond_destroy(&q->not_empty), "pthread_cond_destroy");
	wb_check(pthread_cond_destroy(&q->not_full), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&q->lock), "pthread_mutex_destroy");
	free(q->slots);
}

static void lock(struct queue *q)
{
	wb_check(pthread_mutex_lock(&q->lock), "pthread_mutex_lock");
}

static void unlock(struct queue *q)
{
	wb_check(pthread_mutex_unlock(&q->lock), "pthread_mutex_unlock");
}

bool queue_put(struct queue *q, struct item it)
{
	lock(q);
	/* A loop, not an if: when a waiter wakes up, another thread may have
	 * filled the slot first, and a wake-up can also come for no reason. */
	/* STARTER BEGIN
	while (q->count == q->capacity && !q->closed) {
		// TODO(lab06): sleep on q->not_full (pthread_cond_wait) instead of polling
		unlock(q);
		sched_yield();
		lock(q);
	}
	STARTER END */
	while (q->count == q->capacity && !q->closed)
		wb_check(pthread_cond_wait(&q->not_full, &q->lock),
			 "pthread_cond_wait");
	/* SOLUTION END */
	bool ok = !q->closed;
	if (ok) {
		q->slots[(q->head + q->count) % q->capacity] = it;
		q->count++;
		/* One new item lets exactly one getter go on. */
		/* STARTER BEGIN
		// TODO(lab06): wake one thread waiting on q->not_empty (pthread_cond_signal)
		STARTER END */
		wb_check(pthread_cond_signal(&q->not_empty),
			 "pthread_cond_signal");
		/* SOLUTION END */
	}
	unlock(q);
	return ok;
}

bool queue_get(struct queue *q, struct item *it)
{
	lock(q);
	/* STARTER BEGIN
	while (q->count == 0 && !q->closed) {
		// TODO(lab06): sleep on q->not_empty (pthread_cond_wait) instead of polling
		unlock(q);
		sched_yield();
		lock(q);
	}
	STARTER END */
	while (q->count == 0 && !q->closed)
		wb_check(pthread_cond_wait(&q->not_empty, &q->lock),
			 "pthread_cond_wait");
	/* SOLUTION END */
	/* Closed or not, what is left is handed out before get says so. */
	bool got = q->count > 0;
	if (got) {
		*it = q->slots[q->head];
		q->head = (q->head + 1) % q->capacity;
		q->count--;
		/* One free slot lets exactly one putter go on. */
		/* STARTER BEGIN
		// TODO(lab06): wake one thread waiting on q->not_full (pthread_cond_signal)
		STARTER END */
		wb_check(pthread_cond_signal(&q->not_full),
			 "pthread_cond_signal");
		/* SOLUTION END */
	}
	unlock(q);
	return got;
}

void queue_close(struct queue *q)
{
	lock(q);
	/* Every waiter must see the change, not just one: broadcast. */
	/* STARTER BEGIN
	// TODO(lab06): set q->closed, then wake all waiters of both conditions (pthread_cond_broadcast)
	STARTER END */
	q->closed = true;
	wb_check(pthread_cond_broadcast(&q->not_empty),
		 "pthread_cond_broadcast");
	wb_check(pthread_cond_broadcast(&q->not_full),
		 "pthread_cond_broadcast");
	/* SOLUTION END */
	unlock(q);
}

/* POSIX lets pthread_cond_wait return although nobody signalled; this
 * makes that happen on purpose, often, to test the waiting loops. */
void queue_nudge(struct queue *q)
{
	lock(q);
	wb_check(pthread_cond_broadcast(&q->not_empty),
		 "pthread_cond_broadcast");
	wb_check(pthread_cond_broadcast(&q->not_full),
		 "pthread_cond_broadcast");
	unlock(q);
}
