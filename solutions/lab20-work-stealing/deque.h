/* deque.h: a double-ended queue of tasks guarded by one mutex. Its owner
 * pushes and pops at the bottom (last in, first out: the newest task, whose
 * data is still in the cache); thieves steal at the top (first in, first
 * out: the oldest task, which in a tree is the biggest piece of work). */
#ifndef DEQUE_H
#define DEQUE_H

#include <pthread.h>
#include <stdbool.h>

struct worker;
/* A task: fn(w, a, b) runs on worker w; a and b say what to do. */
typedef void task_fn(struct worker *w, long a, long b);
struct task {
	task_fn *fn;
	long a, b;
};

struct deque {
	pthread_mutex_t lock; /* guards everything below */
	struct task *buf;     /* a ring of cap slots, cap a power of two */
	long cap;
	long top;       /* the oldest task is buf[top % cap] */
	long bottom;    /* the next push goes to buf[bottom % cap] */
	long locks;     /* how often the lock was taken */
	long contended; /* how often of those it was held by another */
};

void deque_init(struct deque *d);
void deque_destroy(struct deque *d);
/* The owner's end: push a task at the bottom, take the newest back. */
void deque_push(struct deque *d, struct task t);
bool deque_pop(struct deque *d, struct task *t);
/* A thief's end: takes the oldest task; false if the deque is empty. */
bool deque_steal(struct deque *d, struct task *t);
/* Takes the lock and counts it; deque_steal uses it too. */
void deque_lock(struct deque *d);
void deque_unlock(struct deque *d);

#endif
