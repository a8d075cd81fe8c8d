/* guided.c steps|race: next_chunk with schedule GUIDED.
 * steps: one thread; with r indices left each chunk must be between
 * max(min, r / (2W)) and max(min, ceil(r / W)) long (at most r), so the
 * chunks shrink as the work runs out and never go below min, except the
 * last. race: 8 threads race: each index exactly once, no chunk below min
 * except one that ends at n, none above max(min, ceil(n / W)); then
 * 60 short races, each starting with 8 threads at once.
 * Prints "guided: ok" last. */
#include "drv.h"

static long most(long r, long w, long min)
{
	long q = (r + w - 1) / w;
	q = q < min ? min : q;
	return q < r ? q : r;
}

static long least(long r, long w, long min)
{
	long q = r / (2 * w);
	q = q < min ? min : q;
	return q < r ? q : r;
}

static void steps_case(long n, int w, long min)
{
	struct dispatch d;
	dispatch_init(&d, n, GUIDED, min, w);
	long next = 0, count = 0;
	while (next < n) {
		long r = n - next, b = -1, e = -1;
		long got = next_chunk(&d, &b, &e);
		long lo = least(r, w, min), hi = most(r, w, min);
		if (b != next || got != e - b || got < lo || got > hi)
			drv_fail("n = %ld, %d workers, min %ld: with %ld left "
				 "from %ld the chunk must start there and hold "
				 "%ld to %ld indices; got [%ld, %ld), returned "
				 "%ld",
				 n, w, min, r, next, lo, hi, b, e, got);
		next = e;
		count++;
	}
	long b = -5, e = -5;
	if (next_chunk(&d, &b, &e) != 0 || b != -5 || e != -5)
		drv_fail("n = %ld: after the last chunk next_chunk must return "
			 "0 and leave begin and end alone",
			 n);
	printf("steps: n = %ld, %d workers, min %ld: %ld chunks\n", n, w, min,
	       count);
}

static void race_case(long n, int w, long min, bool quiet)
{
	char what[64];
	snprintf(what, sizeof what, "n = %ld, %d workers, min %ld", n, w, min);
	struct dispatch d;
	dispatch_init(&d, n, GUIDED, min, w);
	long count;
	struct chunk *all = drv_race(&d, n, 8, &count, what);
	long hi = most(n, w, min);
	for (long c = 0; c < count; c++) {
		long size = all[c].end - all[c].begin;
		if ((size < min && all[c].end != n) || size > hi)
			drv_fail("%s: a chunk of %ld, [%ld, %ld): chunks hold "
				 "%ld to %ld, only the last may be smaller",
				 what, size, all[c].begin, all[c].end, min, hi);
	}
	if (!quiet)
		printf("race: %s: %ld chunks, each index once\n", what, count);
	free(all);
}

int main(int argc, char **argv)
{
	drv_begin("guided");
	if (argc == 2 && strcmp(argv[1], "steps") == 0) {
		steps_case(1000, 4, 1);
		steps_case(1000, 2, 10);
		steps_case(100003, 8, 7);
		steps_case(50, 4, 100);
		steps_case(1, 3, 1);
	} else if (argc == 2 && strcmp(argv[1], "race") == 0) {
		race_case(50000, 8, 4, false);
		race_case(20011, 2, 16, false);
		race_case(30, 8, 100, false);
		/* The threads leave the barrier together and all read next
		 * at once: a start is where a chunk claimed twice shows. */
		for (int i = 0; i < 60; i++)
			race_case(600, 8, 2, true);
		printf("race: 60 starts of 8 threads, 600 indices: each "
		       "index once\n");
	} else {
		drv_fail("usage: guided steps|race");
	}
	puts("guided: ok");
	return 0;
}
