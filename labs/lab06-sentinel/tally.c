/* tally.c: one counter per item that a producer can make. Consumers tick
 * them at the same time, so the ticks are atomic: the check must not have a
 * race of its own. */
#include <stdlib.h>

#include "tally.h"
#include "wb.h"

void tally_init(struct tally *t, long producers, long items)
{
	t->producers = producers;
	t->items = items;
	t->seen = wb_alloc((size_t)(producers * items) * sizeof *t->seen);
	atomic_init(&t->strays, 0);
}

void tally_mark(struct tally *t, struct item it)
{
	if (it.producer < 0 || it.producer >= t->producers || it.seq < 0 ||
	    it.seq >= t->items) {
		atomic_fetch_add(&t->strays, 1);
		return;
	}
	atomic_fetch_add_explicit(&t->seen[it.producer * t->items + it.seq], 1,
				  memory_order_relaxed);
}

struct tally_sum tally_sum(struct tally *t)
{
	struct tally_sum s = {.strays = atomic_load(&t->strays)};
	s.consumed = s.strays;
	for (long i = 0; i < t->producers * t->items; i++) {
		int n = atomic_load_explicit(&t->seen[i], memory_order_relaxed);
		s.consumed += n;
		s.lost += n == 0;
		s.twice += n > 1;
	}
	return s;
}

void tally_free(struct tally *t)
{
	free(t->seen);
}
