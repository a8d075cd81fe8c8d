/* counters.h: one counter per thread, all in one array, laid out packed
 * (side by side) or padded (each on its own cache line). */
#ifndef COUNTERS_H
#define COUNTERS_H

#include <stddef.h>

enum layout { PACKED, PADDED };

struct counters {
	char *base;    /* the array, starting on a cache line boundary */
	size_t stride; /* bytes from one counter to the next */
	long line;     /* the cache line size, in bytes */
	int n;         /* how many counters */
};

/* Allocates n zeroed counters in the given layout, or dies. */
void counters_make(struct counters *c, int n, enum layout layout);
void counters_free(struct counters *c);

/* Counter i. volatile: every increment is a real load and store. */
static inline volatile long *counter(const struct counters *c, int i)
{
	return (volatile long *)(c->base + (size_t)i * c->stride);
}

/* The cache line counter i falls on, counted from the array's first. */
long counters_line_of(const struct counters *c, int i);
/* Prints where each counter sits (--show-layout). */
void counters_show(const struct counters *c, const char *name);

#endif
