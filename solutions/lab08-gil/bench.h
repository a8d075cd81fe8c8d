/* bench.h: runs one configuration of the toy interpreter and measures it:
 * the same total work on one or more threads, with or without the GIL. */
#ifndef BENCH_H
#define BENCH_H

#include "interp.h"
#include "wb.h"

struct config {
	enum kind kind;
	enum check_at check_at;
	bool gil; /* false: free-threaded, and the serial baseline */
	int threads;
	long interval_us;
	long work; /* bytecodes in all, split among the threads */
};

/* What one run saw. */
struct result {
	double s; /* wall time, first start to last finish */
	unsigned long switches;
	long drop_requests, forced_switches;
	int most_inside, most_blocked; /* most at the same moment */
	long expected, counted;        /* kind counter: increments */
};

/* What the GIL and the interpreter counted in a run of in. */
struct result bench_counts(struct interp *in);

/* One run of c. */
struct result bench_once(const struct config *c);

/* warmup runs, then reps runs; returns the run with the median time and
 * sets *st to the median, min and max of the times. */
struct result bench(const struct config *c, int warmup, int reps,
		    struct wb_stats *st);

#endif
