/* deque.c: the mutex deque. Tasks live in [top, bottom) of a ring that
 * doubles when full; both ends move only under the lock, so a push, a pop
 * and a steal never see each other half done. */
#include <errno.h>
#include <stdlib.h>

#include "deque.h"
#include "wb.h"

void deque_init(struct deque *d)
{
	*d = (struct deque){.cap = 64};
	d->buf = wb_alloc((size_t)d->cap * sizeof *d->buf);
	wb_check(pthread_mutex_init(&d->lock, NULL), "pthread_mutex_init");
}

void deque_destroy(struct deque *d)
{
	wb_check(pthread_mutex_destroy(&d->lock), "pthread_mutex_destroy");
	free(d->buf);
}

/* Counts every acquisition, and those that had to wait for another. */
void deque_lock(struct deque *d)
{
	int rc = pthread_mutex_trylock(&d->lock);
	if (rc == EBUSY) {
		wb_check(pthread_mutex_lock(&d->lock), "pthread_mutex_lock");
		d->contended++;
	} else {
		wb_check(rc, "pthread_mutex_trylock");
	}
	d->locks++;
}

void deque_unlock(struct deque *d)
{
	wb_check(pthread_mutex_unlock(&d->lock), "pthread_mutex_unlock");
}

/* Doubles the ring, keeping every task at the same index. */
static void grow(struct deque *d)
{
	struct task *buf = wb_alloc(2 * (size_t)d->cap * sizeof *buf);
	for (long i = d->top; i < d->bottom; i++)
		buf[i % (2 * d->cap)] = d->buf[i % d->cap];
	free(d->buf);
	d->buf = buf;
	d->cap *= 2;
}

void deque_push(struct deque *d, struct task t)
{
	deque_lock(d);
	if (d->bottom - d->top == d->cap)
		grow(d);
	d->buf[d->bottom % d->cap] = t;
	d->bottom++;
	deque_unlock(d);
}

bool deque_pop(struct deque *d, struct task *t)
{
	deque_lock(d);
	bool some = d->bottom > d->top;
	if (some) {
		d->bottom--;
		*t = d->buf[d->bottom % d->cap];
	}
	deque_unlock(d);
	return some;
}

bool deque_steal(struct deque *d, struct task *t)
{
	// TODO(lab20): under the deque's lock, take the task at the top (the
	// oldest, buf[top % cap]) and move top up; false if the deque is empty
	(void)d, (void)t;
	return false;
}
