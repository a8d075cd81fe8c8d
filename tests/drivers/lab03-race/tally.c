/* tally.c: lab03's exact-count driver. Calls the tree's count_mutex,
 * count_atomic or count_local from several threads at once and counts the
 * total itself (atomic mode must count in s->atomic_counter).
 * Run: tally mutex|atomic|local ITERS [THREADS...] (default 1 2 3 4 8);
 * prints one line per thread count, then "tally: ok" or "tally: FAIL". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counters.h"
#include "wb.h"

int main(int argc, char **argv)
{
	static char *counts[] = {"1", "2", "3", "4", "8"};
	const char *mode = argc > 1 ? argv[1] : "";
	void *(*fn)(void *) = !strcmp(mode, "mutex")    ? count_mutex
			      : !strcmp(mode, "atomic") ? count_atomic
			      : !strcmp(mode, "local")  ? count_local
							: NULL;
	long iters = argc > 2 ? atol(argv[2]) : 0;
	if (!fn || iters < 1) {
		fprintf(stderr, "usage: tally mutex|atomic|local ITERS "
				"[THREADS...]\n");
		return 2;
	}
	char **want = argc > 3 ? argv + 3 : counts;
	int nwant = argc > 3 ? argc - 3 : 5, bad = 0;
	for (int k = 0; k < nwant; k++) {
		int n = atoi(want[k]);
		struct shared s = {.iters = iters};
		wb_check(pthread_mutex_init(&s.lock, NULL),
			 "pthread_mutex_init");
		wb_team_run(n, fn, &s, 0);
		long plain = s.counter, atomic = atomic_load(&s.atomic_counter);
		long got = fn == count_atomic ? atomic : plain + atomic;
		printf("%s, %d threads x %ld: expected %ld, counted %ld "
		       "(counter %ld, atomic_counter %ld)\n",
		       mode, n, iters, n * iters, got, plain, atomic);
		bad += got != n * iters;
		pthread_mutex_destroy(&s.lock);
	}
	if (bad)
		printf("tally: FAIL: %d of %d runs lost or invented updates\n",
		       bad, nwant);
	else
		printf("tally: ok\n");
	return bad ? 1 : 0;
}
