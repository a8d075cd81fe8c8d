/* tally.c: lab03's driver for ThreadSanitizer. Calls the tree's
 * count_mutex, count_atomic or count_local from THREADS threads at once,
 * then counts the total itself (atomic mode must count in
 * s->atomic_counter). Built with -fsanitize=thread, it lets ThreadSanitizer
 * watch the tree's own counting code, whatever race's main does.
 * Run: tally mutex|atomic|local ITERS THREADS; ends with "tally: ok" or
 * "tally: FAIL". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counters.h"
#include "wb.h"

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	void *(*fn)(void *) = !strcmp(mode, "mutex")    ? count_mutex
			      : !strcmp(mode, "atomic") ? count_atomic
			      : !strcmp(mode, "local")  ? count_local
							: NULL;
	long iters = argc > 2 ? atol(argv[2]) : 0;
	int n = argc > 3 ? atoi(argv[3]) : 0;
	if (!fn || iters < 1 || n < 1) {
		fprintf(stderr,
			"usage: tally mutex|atomic|local ITERS THREADS\n");
		return 2;
	}
	struct shared s = {.iters = iters};
	wb_check(pthread_mutex_init(&s.lock, NULL), "pthread_mutex_init");
	wb_team_run(n, fn, &s, 0);
	long plain = s.counter, atomic = atomic_load(&s.atomic_counter);
	long got = fn == count_atomic ? atomic : plain + atomic;
	printf("%s, %d threads x %ld: expected %ld, counted %ld (counter %ld, "
	       "atomic_counter %ld)\n",
	       mode, n, iters, n * iters, got, plain, atomic);
	if (got != n * iters) {
		printf("tally: FAIL: updates lost or invented\n");
		return 1;
	}
	printf("tally: ok\n");
	return 0;
}
