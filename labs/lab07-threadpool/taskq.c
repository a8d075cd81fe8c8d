/* taskq.c: a ring buffer guarded by one mutex, with one condition variable
 * for each thing a thread can wait for (lab06 builds the same queue). */
#include <stdlib.h>

#include "taskq.h"
#include "wb.h"

void taskq_init(struct taskq *q, int capacity)
{
	*q = (struct taskq){.capacity = capacity};
	q->slots = wb_alloc((size_t)capacity * sizeof *q->slots);
	wb_check(pthread_mutex_init(&q->lock, NULL), "pthread_mutex_init");
	wb_check(pthread_cond_init(&q->not_empty, NULL), "pthread_cond_init");
	wb_check(pthread_cond_init(&q->not_full, NULL), "pthread_cond_init");
}

void taskq_destroy(struct taskq *q)
{
	wb_check(pthread_cond_destroy(&q->not_full), "pthread_cond_destroy");
	wb_check(pthread_cond_destroy(&q->not_empty), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&q->lock), "pthread_mutex_destroy");
	free(q->slots);
}

static void lock(struct taskq *q)
{
	wb_check(pthread_mutex_lock(&q->lock), "pthread_mutex_lock");
}

static void unlock(struct taskq *q)
{
	wb_check(pthread_mutex_unlock(&q->lock), "pthread_mutex_unlock");
}

bool taskq_put(struct taskq *q, struct task t)
{
	lock(q);
	while (q->count == q->capacity && !q->closed)
		wb_check(pthread_cond_wait(&q->not_full, &q->lock),
			 "pthread_cond_wait");
	bool ok = !q->closed;
	if (ok) {
		q->slots[(q->head + q->count++) % q->capacity] = t;
		wb_check(pthread_cond_signal(&q->not_empty),
			 "pthread_cond_signal");
	}
	unlock(q);
	return ok;
}

/* With q->lock held: takes the head into *t if there is one. */
static bool pop(struct taskq *q, struct task *t)
{
	if (q->count == 0)
		return false;
	*t = q->slots[q->head];
	q->head = (q->head + 1) % q->capacity;
	q->count--;
	wb_check(pthread_cond_signal(&q->not_full), "pthread_cond_signal");
	return true;
}

bool taskq_take(struct taskq *q, struct task *t)
{
	lock(q);
	while (q->count == 0 && !q->closed)
		wb_check(pthread_cond_wait(&q->not_empty, &q->lock),
			 "pthread_cond_wait");
	bool got = pop(q, t);
	unlock(q);
	return got;
}

bool taskq_drop(struct taskq *q, struct task *t)
{
	lock(q);
	bool got = pop(q, t);
	unlock(q);
	return got;
}

void taskq_close(struct taskq *q)
{
	lock(q);
	q->closed = true;
	wb_check(pthread_cond_broadcast(&q->not_empty),
		 "pthread_cond_broadcast");
	wb_check(pthread_cond_broadcast(&q->not_full),
		 "pthread_cond_broadcast");
	unlock(q);
}
