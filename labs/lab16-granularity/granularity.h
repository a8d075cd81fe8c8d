/* granularity.h: N tasks of a chosen size, even or skewed, run by W workers
 * that take them a chunk at a time: by this lab's dispatcher (engine.c) or
 * by OpenMP's (openmp.c). */
#ifndef GRANULARITY_H
#define GRANULARITY_H

#include <stdint.h>

#include "dispatch.h"

struct job {
	long tasks;      /* task i, for i < tasks */
	long task_ns;    /* the lightest task's length */
	double skew;     /* task 0 is 1 + skew times the last task */
	uint64_t *steps; /* wb_burn's n for each task */
};

/* Sizes the tasks: task i computes for about task_ns * weight(i) ns. */
void job_init(struct job *j, long tasks, long task_ns, double skew);
void job_free(struct job *j);
/* The work of tasks begin .. end-1, in units of the lightest task. */
double job_weight(const struct job *j, long begin, long end);
double job_total(const struct job *j); /* the work of all the tasks */
/* Runs task i; returns its result (a sum, so it cannot be skipped). */
uint64_t run_task(const struct job *j, long i);

/* What one run of all the tasks measured. */
struct outcome {
	double ms;   /* wall time, first worker's start to last one's end */
	long chunks; /* chunks handed out (lab engine only; else -1) */
	long done;   /* tasks run */
	double big_share; /* the biggest chunk's share of the work, 0 to 1 */
	double big_ms;    /* and its worker's time on it (0: none timed) */
	uint64_t sum;     /* the tasks' results added up */
};

void run_lab(const struct job *j, int workers, enum schedule s, long chunk,
	     struct outcome *o);
void run_openmp(const struct job *j, int workers, enum schedule s, long chunk,
		struct outcome *o);

#endif
