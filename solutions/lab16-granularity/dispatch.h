/* dispatch.h: hands out the indices 0 .. n-1 of a loop to the workers that
 * ask, a chunk at a time: OpenMP's schedule(dynamic, k) and
 * schedule(guided, k), Python's Pool.map(fn, xs, chunksize=k). */
#ifndef DISPATCH_H
#define DISPATCH_H

#include <stdatomic.h>

enum schedule {
	DYNAMIC, /* chunks of exactly `chunk` indices, the last one shorter */
	GUIDED,  /* big chunks first, shrinking as the work runs out */
};

struct dispatch {
	long n;      /* the tasks are the indices 0 .. n-1 */
	long chunk;  /* DYNAMIC: the chunk size; GUIDED: the smallest chunk */
	int workers; /* GUIDED shares what is left among this many */
	enum schedule schedule;
	atomic_long next; /* the first index not handed out yet */
};

void dispatch_init(struct dispatch *d, long n, enum schedule s, long chunk,
		   int workers);

/* Hands the caller the next chunk, the indices [*begin, *end), and returns
 * its size; returns 0 (and leaves *begin and *end alone) once every index
 * has been handed out. Any number of threads may call it at once: each
 * index goes to exactly one caller, and nothing is ever out of 0 .. n-1.
 * DYNAMIC: chunks of exactly d->chunk indices; only the last may be shorter.
 * GUIDED: with r indices left, a chunk of max(d->chunk, ceil(r / workers))
 *   indices, at most r (libgomp's rule, gomp_iter_guided_next in iter.c;
 *   the OpenMP spec asks for about r / workers, so r / (2 workers) is fine
 *   too). Never below d->chunk, except the last chunk. */
long next_chunk(struct dispatch *d, long *begin, long *end);

#endif
