/* falseshare.c: each thread adds 1 to its own counter, never to another's;
 * still, counters packed side by side are slow, padded ones are fast.
 * Run: make lab14 (both layouts), ARGS="--show-layout --layout padded".
 * Expect exact counts in both, and packed several times slower at 2+ cores. */
#include <stdbool.h>
#include <stdio.h>

#include "bench.h"
#include "counters.h"
#include "wb.h"

static const char *const layouts[] = {"packed", "padded", "both", NULL};
enum { BOTH = PADDED + 1 }; /* --layout both, the default */

/* Says what the two medians mean. */
static void compare(const double ns[2], const size_t stride[2], long threads)
{
	double ratio = ns[PACKED] / ns[PADDED];
	if (stride[PADDED] == stride[PACKED])
		printf("padded counters are %zu bytes apart too: they still "
		       "share cache lines (see --show-layout)\n",
		       stride[PADDED]);
	else if (threads == 1)
		printf("one thread has no one to share a cache line with: "
		       "both layouts cost the same\n");
	else if (ratio >= 1.5)
		printf("packed is %.1fx slower than padded: the line holding "
		       "the counters moves from core to core on every write\n",
		       ratio);
	else
		printf("packed and padded cost about the same (%.1fx): were "
		       "the threads on different cores at the same time?\n",
		       ratio);
}

/* Measures one layout and prints its line; returns its median and, in
 * *stride, how far apart its counters were. */
static double measure(enum layout layout, long threads, long iters, long reps,
		      bool csv, size_t *stride)
{
	struct result r = bench(layout, threads, iters, reps);
	long expected = threads * iters;
	if (csv)
		printf("%s,%ld,%ld,%zu,%ld,%ld,%.3f,%.3f,%.3f\n",
		       layouts[layout], threads, iters, r.stride, expected,
		       r.counted, r.ns.median, r.ns.min, r.ns.max);
	else
		printf("%s (%zu bytes apart): counted %ld of %ld, %.2f ns per "
		       "increment (min %.2f, max %.2f)\n",
		       layouts[layout], r.stride, r.counted, expected,
		       r.ns.median, r.ns.min, r.ns.max);
	*stride = r.stride;
	return r.ns.median;
}

int main(int argc, char **argv)
{
	long threads = 2, iters = 50000000, reps = 5;
	int layout = BOTH;
	bool csv = false, show = false;
	const struct wb_opt opts[] = {
		WB_INT("threads", &threads, 1, 256,
		       "threads, one counter each"),
		WB_INT("iters", &iters, 1, 1000000000, "increments per thread"),
		WB_CHOICE("layout", &layout, layouts, "where the counters sit"),
		WB_FLAG("show-layout", &show,
			"print where each counter sits and exit"),
		WB_INT("reps", &reps, 1, 1000, "timed runs after one warm-up"),
		WB_FLAG("csv", &csv, "print CSV rows instead of prose"),
		WB_OPT_END};
	wb_parse(argc, argv, "falseshare",
		 "Per-thread counters, packed side by side or padded to a "
		 "cache line each.",
		 opts);
	if (show && csv)
		wb_usage_error("--show-layout: prints prose, not --csv");

	int first = layout == BOTH ? PACKED : layout,
	    last = layout == BOTH ? PADDED : layout;
	if (show) {
		for (int l = first; l <= last; l++) {
			struct counters c;
			counters_make(&c, (int)threads, (enum layout)l);
			counters_show(&c, layouts[l]);
			counters_free(&c);
		}
		return 0;
	}
	if (csv)
		printf("layout,threads,iters,stride,expected,counted,ns_median,"
		       "ns_min,ns_max\n");
	else
		printf("%ld thread%s, each adding 1 to its own counter %ld "
		       "times, %ld timed runs\n",
		       threads, threads == 1 ? "" : "s", iters, reps);
	double ns[2] = {0, 0};
	size_t stride[2] = {0, 0};
	for (int l = first; l <= last; l++)
		ns[l] = measure((enum layout)l, threads, iters, reps, csv,
				&stride[l]);
	if (!csv && layout == BOTH)
		compare(ns, stride, threads);
	return 0;
}
