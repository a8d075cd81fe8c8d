/* bench.h: time threads that each count on their own counter. */
#ifndef BENCH_H
#define BENCH_H

#include "counters.h"
#include "wb.h"

struct result {
	struct wb_stats ns; /* ns per increment, over the timed runs */
	long counted;       /* the sum of all counters after the last run */
	size_t stride;      /* how far apart the counters were */
};

/* threads threads each add 1 to their own counter iters times, in the given
 * layout; one warm-up run, then reps timed runs. */
struct result bench(enum layout layout, long threads, long iters, long reps);

#endif
