/* queue.c: lab06's ring buffer under one mutex, with a condition variable
 * for each thing a thread can wait for, plus an immediate shutdown. It is
 * not an exercise here (lab06 is where it is written). */
#include <stdlib.h>

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

bool queue_put(struct queue *q, const struct msg *m)
{
	lock(q);
	while (q->count == q->capacity && !q->closed && !q->shut)
		wb_check(pthread_cond_wait(&q->not_full, &q->lock),
			 "pthread_cond_wait");
	bool ok = !q->closed && !q->shut;
	if (ok) {
		q->slots[(q->head + q->count++) % q->capacity] = *m;
		if (q->count > q->max_depth)
			q->max_depth = q->count;
		wb_check(pthread_cond_signal(&q->not_empty),
			 "pthread_cond_signal");
	}
	unlock(q);
	return ok;
}

bool queue_get(struct queue *q, struct msg *m)
{
	lock(q);
	while (q->count == 0 && !q->closed && !q->shut)
		wb_check(pthread_cond_wait(&q->not_empty, &q->lock),
			 "pthread_cond_wait");
	bool got = q->count > 0 && !q->shut;
	if (got) {
		*m = q->slots[q->head];
		q->head = (q->head + 1) % q->capacity;
		q->count--;
		wb_check(pthread_cond_signal(&q->not_full),
			 "pthread_cond_signal");
	}
	unlock(q);
	return got;
}

/* Sets *flag and wakes every waiter: each must look again. */
static void wake_all(struct queue *q, bool *flag)
{
	lock(q);
	*flag = true;
	wb_check(pthread_cond_broadcast(&q->not_empty),
		 "pthread_cond_broadcast");
	wb_check(pthread_cond_broadcast(&q->not_full),
		 "pthread_cond_broadcast");
	unlock(q);
}

void queue_close(struct queue *q)
{
	wake_all(q, &q->closed);
}

void queue_shutdown(struct queue *q)
{
	wake_all(q, &q->shut);
}

long queue_depth(struct queue *q)
{
	lock(q);
	long n = q->count;
	unlock(q);
	return n;
}

long queue_max_depth(struct queue *q)
{
	lock(q);
	long n = q->max_depth;
	unlock(q);
	return n;
}
