/* pipeline.h: lab19's word count as a pipeline of four stages joined by
 * bounded queues: 1 read -> 2 clean (a child process, over pipes) -> 3 map
 * (M threads, shuffling words by key) -> 4 reduce (R threads, one table
 * each). Every thread and the child times itself: working, waiting for
 * input, waiting for room. */
#ifndef PIPELINE_H
#define PIPELINE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "queue.h"
#include "words.h"

#define STAGES      4 /* numbered 1 to 4 */
#define MAX_THREADS 8 /* mappers, reducers */
#define ERROR_MAX   160
#define QIN         0 /* q[QIN]: read -> clean */
#define QMAP        1 /* q[QMAP]: clean -> map */
#define QRED        2 /* q[QRED + r]: map -> reducer r */

extern const char *const stage_names[STAGES + 1]; /* [1] = "read", ... */

struct config {
	long words, mappers, reducers, capacity;
	long seed;
	long slow_stage,
		delay_us; /* stage slow_stage sleeps delay_us per item */
	long fail_stage;  /* this stage fails on the middle line */
};

/* What one thread (or the child) did: ns spent in each state. */
struct times {
	uint64_t busy, wait_in, wait_out;
	long items;
};

struct pipeline;

/* One thread of a stage, with its queues. */
struct worker {
	struct pipeline *p;
	int stage, id;
	pthread_t tid;
	struct queue *in;   /* where it gets items, NULL for read */
	struct queue **out; /* where it puts them: nout queues */
	int nout;
	struct times t;
	void *(*fn)(void *); /* its loop, given the worker */
	atomic_int
		state; /* 0 working, 1 waiting for input, 2 for room, 3 ended */
};

struct pipeline {
	struct config cfg;
	long lines, fail_line; /* lines of text; where --fail-stage fails */
	struct queue q[QRED + MAX_THREADS];
	struct queue *qp[QRED + MAX_THREADS]; /* &q[i], for worker.out */
	int nq;
	struct worker w[2 * MAX_THREADS + 3];
	int nw;
	atomic_int live[STAGES + 1]; /* threads of each stage not yet ended */
	struct counts counts[MAX_THREADS]; /* reducer r's table */
	pid_t child;                       /* stage 2 runs here */
	int to_child, from_child;          /* the parent's ends of the pipes */
	struct times child_t;  /* what the child reported at its end */
	atomic_long progress;  /* bumped by every get and put */
	pthread_mutex_t lock;  /* guards failed and error */
	int failed;            /* the first stage that failed, or 0 */
	char error[ERROR_MAX]; /* "map: what went wrong" */
	uint64_t wall_ns;
};

/* Sets up the queues and tables for cfg (ranges checked by the caller). */
void pipeline_init(struct pipeline *p, const struct config *cfg);
/* Runs the word count once; returns 0, or the number of the stage that
 * failed (its message in p->error). Every thread is joined and the child
 * reaped when it returns. Then pipeline_free. */
int pipeline_run(struct pipeline *p);
void pipeline_free(struct pipeline *p);
/* Stage `stage` failed: keeps the first message, and stops every stage. */
void pipeline_fail(struct pipeline *p, int stage, const char *msg);
/* The watchdog's report: each queue's depth and what each thread waits for. */
void pipeline_report(FILE *out, void *p);

/* stage.c: the threads of stages 1, 3 and 4. */
void *read_thread(void *w);
void *stage_thread(void *w);
bool stage_get(struct worker *w, struct msg *m);
bool stage_put(struct worker *w, int i, const struct msg *m);
/* Does w's stage's work on *in into out[0..w->nout-1] (with the delay of
 * --slow-stage and the failure of --fail-stage); false with err filled in. */
bool stage_work(struct worker *w, struct msg *in, struct msg *out, char *err);
/* Sleeps --delay-us if w's stage is the slow one; true if it must fail. */
bool stage_hooks(const struct config *cfg, int stage, long seq, long fail);

/* procstage.c: stage 2, a child process and the two threads that feed it
 * and drain it. */
void proc_start(struct pipeline *p); /* forks the child; before any thread */
void *feed_thread(void *w);
void *drain_thread(void *w);
void proc_end(struct pipeline *p); /* after the joins: reaps the child */

#endif
