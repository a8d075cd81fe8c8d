/* scheduler.h: W worker threads run a tree of tasks that spawn tasks. Two
 * strategies: one central queue that every worker pushes to and takes
 * from, or one deque per worker, from which idle workers steal. */
#ifndef SCHEDULER_H
#define SCHEDULER_H

#include <stdatomic.h>
#include <stdint.h>

#include "deque.h"

enum strategy { CENTRAL, STEALING };

struct worker {
	struct sched *s;
	int id;
	struct deque dq;        /* its own tasks (STEALING) */
	long ran;               /* tasks it ran */
	long steals, failed;    /* steal attempts that got a task, or none */
	uint64_t busy_ns;       /* time inside tasks */
	uint64_t life_ns;       /* time from its start to its end */
	long value;             /* what its tasks added up (the tree's sum) */
} __attribute__((aligned(64))); /* one cache line each: no false sharing */

struct sched {
	enum strategy strategy;
	int n;                /* workers */
	struct worker *w;     /* w[0..n-1] */
	struct deque central; /* the one queue (CENTRAL) */
	atomic_long pending;  /* tasks spawned and not yet finished */
	atomic_long progress; /* tasks finished, for the watchdog */
};

void sched_init(struct sched *s, int workers, enum strategy strategy);
void sched_destroy(struct sched *s);
/* From inside a task running on w: adds the task fn(a, b). */
void sched_spawn(struct worker *w, task_fn *fn, long a, long b);
/* Runs the task fn(a, b), given to worker 0, and all it spawns, on the
 * workers; returns when every task has finished and every worker ended. */
void sched_run(struct sched *s, task_fn *fn, long a, long b);

#endif
