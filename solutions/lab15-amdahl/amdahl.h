/* amdahl.h: lab15's pieces, one section per file. s is the serial
 * fraction (0 to 1), n the number of threads (1 or more). */
#ifndef AMDAHL_H
#define AMDAHL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

/* ---- law.c: what theory says, as pure functions of numbers ---- */
double amdahl(double s, int n);    /* fixed size: the most n threads give */
double gustafson(double s, int n); /* fixed time: the work grows with n */
/* Karp-Flatt: the serial fraction that explains a measured speedup on n
 * threads; NaN for n = 1, where one thread says nothing about it. */
double karp_flatt(double speedup, int n);

/* ---- work.c: the guide's sum of squares, cut into units ---- */
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
uint64_t unit_sum(long unit, long size); /* sum of i*i over one unit */
uint64_t squares_below(uint64_t n);      /* the sum for i < n, by formula */
void *do_part(void *part);               /* a thread's work: one part */

/* ---- split.c and openmp.c: the parallel part; each returns its sum ---- */
void split(struct part *parts, int n, long first, long units, long size);
uint64_t run_pthreads(struct part *parts, int n, long first, long units,
		      long size);
uint64_t run_openmp(struct part *parts, int n, long first, long units,
		    long size);

/* ---- ask.c: the laws on demand, nothing run ---- */
void print_predict(double s, int n, bool csv);
void print_karp_flatt(double speedup, int n, bool csv);

/* ---- sweep.c: measure 1 to `threads` threads ---- */
struct setup {
	double s;                  /* serial fraction asked for */
	int threads, reps, engine; /* engine: 0 pthreads, 1 openmp */
	long units, size;          /* units of work in all; terms in one */
	bool csv;
};
extern const char *const engines[]; /* their names, NULL at the end */
void sweep(const struct setup *how);

#endif
