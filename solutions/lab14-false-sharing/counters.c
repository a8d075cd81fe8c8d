/* counters.c: where each thread's counter lives. Packed counters sit 8 bytes
 * apart, so several share a cache line; padded ones get a line each. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counters.h"
#include "wb.h"

/* n counters, stride bytes apart, in zeroed memory that starts on a cache
 * line boundary, so the same counters share a line on every run. */
static void place(struct counters *c, int n, size_t stride)
{
	size_t line = (size_t)c->line;
	size_t bytes = (size_t)n * stride;
	bytes = (bytes + line - 1) / line * line; /* aligned_alloc wants this */
	c->base = aligned_alloc(line, bytes);
	if (!c->base)
		wb_die("aligned_alloc", ENOMEM);
	memset(c->base, 0, bytes);
	c->stride = stride;
	c->n = n;
}

void counters_make(struct counters *c, int n, enum layout layout)
{
	c->line = wb_cache_line();
	if (layout == PACKED) {
		place(c, n, sizeof(long));
		return;
	}
	/* STARTER BEGIN
	// TODO(lab14): padded: put the counters one cache line (c->line) apart
	place(c, n, sizeof(long));
	STARTER END */
	/* A whole line per counter: 56 of every 64 bytes are padding, the
	 * price of never sharing a line with another thread's counter. */
	place(c, n, (size_t)c->line);
	/* SOLUTION END */
}

void counters_free(struct counters *c)
{
	free(c->base);
	c->base = NULL;
}

long counters_line_of(const struct counters *c, int i)
{
	uintptr_t first = (uintptr_t)c->base / (uintptr_t)c->line;
	return (long)((uintptr_t)counter(c, i) / (uintptr_t)c->line - first);
}

/* Prints each counter's offset and cache line, then whether two counters
 * fall on one line. */
void counters_show(const struct counters *c, const char *name)
{
	printf("layout %s: %d counters of %zu bytes, %zu bytes apart, "
	       "cache line %ld bytes\n",
	       name, c->n, sizeof(long), c->stride, c->line);
	long lines = 0;
	for (int i = 0; i < c->n; i++) {
		long line = counters_line_of(c, i);
		printf("counter %d: offset %zu, cache line %ld\n", i,
		       (size_t)i * c->stride, line);
		lines += i == 0 || line != counters_line_of(c, i - 1);
	}
	if (lines == c->n)
		printf("%d counters on %ld cache lines: no line is shared\n",
		       c->n, lines);
	else
		printf("%d counters on %ld cache line%s: threads share lines\n",
		       c->n, lines, lines == 1 ? "" : "s");
}
