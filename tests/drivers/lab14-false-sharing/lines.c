/* lines.c: lab14's driver that finds where the threads really count. It
 * runs the tree's bench() (each thread adds 1 to its own counter) with
 * counters_make and counters_free wrapped (-Wl,--wrap): when bench frees
 * the counters, the driver reads each thread's counter through the same
 * counter() the threads used, checks it holds exactly that thread's
 * increments, and maps its bytes to cache lines of wb_cache_line() bytes.
 * Run: lines packed|padded|both ITERS THREADS...: padded counters must each
 * have their lines to themselves, packed ones must share some line.
 * Ends with "lines: ok" or "lines: FAIL". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "counters.h"
#include "wb.h"

static const char *const names[] = {"packed", "padded"};
static int threads, made, freed;
/* What went wrong: a count, a padded line shared, packed not sharing. */
static int miscount, padded_shares, packed_apart;
static long iters;
static enum layout layout;

void __real_counters_make(struct counters *c, int n, enum layout l);
void __real_counters_free(struct counters *c);

void __wrap_counters_make(struct counters *c, int n, enum layout l)
{
	made++;
	__real_counters_make(c, n, l);
}

/* Each counter's first and last cache line, in address order; returns 1
 * if a line holds bytes of two counters (or they overlap). */
static int share(const struct counters *c, uintptr_t line)
{
	uintptr_t *at = wb_alloc((size_t)threads * sizeof *at);
	for (int i = 0; i < threads; i++) {
		at[i] = (uintptr_t)counter(c, i);
		for (int j = i; j > 0 && at[j - 1] > at[j]; j--) {
			uintptr_t t = at[j];
			at[j] = at[j - 1];
			at[j - 1] = t;
		}
	}
	int shared = 0;
	for (int i = 1; i < threads; i++)
		shared |= (at[i - 1] + sizeof(long) - 1) / line >= at[i] / line;
	free(at);
	return shared;
}

/* bench is done: look at the counters its threads used, then free. */
void __wrap_counters_free(struct counters *c)
{
	uintptr_t line = (uintptr_t)wb_cache_line();
	uintptr_t first = (uintptr_t)counter(c, 0);
	freed++;
	printf("%s, %d threads, %lu-byte lines:", names[layout], threads,
	       (unsigned long)line);
	for (int i = 0; i < threads; i++) {
		uintptr_t a = (uintptr_t)counter(c, i);
		long held = *counter(c, i);
		printf(" [%d: +%ld bytes, line %ld, %ld]", i, (long)(a - first),
		       (long)(a / line - first / line), held);
		miscount |= held != iters;
	}
	int shared = share(c, line);
	printf("\n  %s\n", shared ? "a cache line holds two counters"
				  : "every counter has its lines to itself");
	if (layout == PADDED)
		padded_shares |= shared;
	else
		packed_apart |= !shared && threads > 1;
	__real_counters_free(c);
}

int main(int argc, char **argv)
{
	const char *which = argc > 1 ? argv[1] : "";
	int from = !strcmp(which, "padded"), to = strcmp(which, "packed") != 0;
	iters = argc > 2 ? atol(argv[2]) : 0;
	if ((from && strcmp(which, "padded")) ||
	    (!to && strcmp(which, "packed")) || iters < 1 || argc < 4) {
		fprintf(stderr, "usage: lines packed|padded|both ITERS "
				"THREADS...\n");
		return 2;
	}
	int unseen = 0;
	for (int k = 3; k < argc; k++) {
		threads = atoi(argv[k]);
		for (int l = from; l <= to; l++) {
			layout = (enum layout)l;
			int before = freed;
			bench(layout, threads, iters, 1);
			unseen |= freed == before || made != freed;
		}
	}
	if (unseen)
		printf("lines: FAIL: bench must make its counters with "
		       "counters_make and free them with counters_free\n");
	else if (miscount)
		printf("lines: FAIL: each counter must hold exactly its "
		       "thread's %ld increments\n",
		       iters);
	else if (padded_shares)
		printf("lines: FAIL: padded counters share a cache line: each "
		       "needs lines of its own\n");
	else if (packed_apart)
		printf("lines: FAIL: packed counters no longer share a line: "
		       "keep them side by side, the demo compares\n");
	else
		printf("lines: ok\n");
	return unseen || miscount || padded_shares || packed_apart;
}
