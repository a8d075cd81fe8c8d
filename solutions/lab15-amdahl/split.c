/* split.c: the parallel part on pthreads: deal the units out to n parts,
 * run each part on its own thread, join them all, add up their sums. */
#include <stdlib.h>

#include "amdahl.h"
#include "wb.h"

/* Deals `units` units, from unit `first` on, to n parts of `size` terms:
 * units / n each, and one more to each of the first units % n parts, so
 * no part has more than one unit more than another. */
void split(struct part *parts, int n, long first, long units, long size)
{
	for (int i = 0; i < n; i++) {
		/* STARTER BEGIN
		// TODO(lab15): units / n each, plus one for each of the first units % n parts
		long count = i == 0 ? units : 0;
		STARTER END */
		long count = units / n + (i < units % n);
		/* SOLUTION END */
		parts[i] = (struct part){
			.first = first, .count = count, .size = size};
		first += count;
	}
}

/* Runs the parallel part on n threads, a part each, and returns the sum of
 * all parts. do_part (work.c) is the work of one thread. */
uint64_t run_pthreads(struct part *parts, int n, long first, long units,
		      long size)
{
	split(parts, n, first, units, size);
	pthread_t *threads = wb_alloc((size_t)n * sizeof *threads);
	/* STARTER BEGIN
	// TODO(lab15): run each part on its own thread (pthread_create), then wait for every one (pthread_join)
	for (int i = 0; i < n; i++)
		do_part(&parts[i]);
	STARTER END */
	for (int i = 0; i < n; i++)
		wb_check(pthread_create(&threads[i], NULL, do_part, &parts[i]),
			 "pthread_create");
	/* Until a thread is joined its sum may not be written yet; the join
	 * also makes what it wrote visible to this thread. */
	for (int i = 0; i < n; i++)
		wb_check(pthread_join(threads[i], NULL), "pthread_join");
	/* SOLUTION END */
	free(threads);
	uint64_t sum = 0;
	for (int i = 0; i < n; i++)
		sum += parts[i].sum;
	return sum;
}
