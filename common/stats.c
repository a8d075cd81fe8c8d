/* stats.c: warm-up, repetitions, and median with min and max. */
#include <stdlib.h>

#include "wb.h"

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

struct wb_stats wb_stats_of(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_value);
	/* The median resists the odd sample slowed by another process. */
	double mid = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	return (struct wb_stats){mid, v[0], v[n - 1], n};
}

struct wb_stats wb_measure(double (*sample)(void *arg), void *arg, int warmup,
			   int reps)
{
	/* Warm-up runs fault the memory in and wake the CPU from idle. */
	for (int i = 0; i < warmup; i++)
		sample(arg);
	double *v = wb_alloc((size_t)reps * sizeof *v);
	for (int i = 0; i < reps; i++)
		v[i] = sample(arg);
	struct wb_stats s = wb_stats_of(v, reps);
	free(v);
	return s;
}
