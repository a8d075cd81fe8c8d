/* part.h: the work, cut into units, and one thread's part of it. */
#ifndef PART_H
#define PART_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

/* One thread's part of the parallel work. The thread fills in the results
 * once, at its end, so parts side by side share no cache line for long. */
struct part {
	long first, count; /* the units this part covers */
	long size;         /* terms of i*i in one unit */
	uint64_t sum;      /* result: the sum over those units */
	long done;         /* result: units this thread computed */
	pthread_t who;     /* result: the thread that computed them */
	bool ran;          /* a thread has run this part */
};

/* work.c: the guide's sum of squares, one unit at a time */
uint64_t unit_sum(long unit, long size); /* sum of i*i over one unit */
uint64_t squares_below(uint64_t n);      /* the same sum by the formula */
void *do_part(void *part);               /* a thread's work: one part */

/* split.c: the parallel part on pthreads, split by hand */
void split(struct part *parts, int n, long first, long units, long size);
uint64_t run_pthreads(struct part *parts, int n, long first, long units,
		      long size);

/* openmp.c: the same with OpenMP doing the split and the join */
uint64_t run_openmp(struct part *parts, int n, long first, long units,
		    long size);

#endif
