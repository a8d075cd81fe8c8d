/* splitcheck.c: a test driver. It calls the lab's split() for 0 to 40 units
 * on 1 to 17 parts, and a few big deals, and checks each: every unit from
 * `first` on dealt out exactly once, no part with more than one unit more
 * than another, each part told the unit size. "splitcheck: ok" comes last. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amdahl.h"

enum { MAXN = 300 };
static struct part parts[MAXN + 1]; /* one more: split may not write it */
static int wrong;

static int by_first(const void *a, const void *b)
{
	long x = (*(struct part *const *)a)->first;
	long y = (*(struct part *const *)b)->first;
	return (x > y) - (x < y);
}

/* What is wrong with the deal in parts[0..n-1], or NULL. */
static const char *judge(int n, long first, long units, long size)
{
	static struct part *order[MAXN];
	long total = 0, lo = units, hi = 0;
	int k = 0;
	for (int i = 0; i < n; i++) {
		struct part *p = &parts[i];
		if (p->count < 0)
			return "a part has a negative count";
		if (p->size != size)
			return "a part was not given the unit size";
		total += p->count;
		lo = p->count < lo ? p->count : lo;
		hi = p->count > hi ? p->count : hi;
		if (p->count > 0)
			order[k++] = p;
	}
	if (parts[n].first != -1 || parts[n].count != -1)
		return "it wrote past the n parts";
	if (total != units)
		return "the counts do not add up to the units";
	if (hi - lo > 1)
		return "a part has more than one unit more than another";
	/* The parts, in the order of their first unit, must follow on from
	 * one another, from `first` on: each unit is dealt out once. */
	qsort(order, (size_t)k, sizeof *order, by_first);
	for (int i = 0; i < k; i++) {
		if (order[i]->first != first)
			return "the parts do not cover the units once each, "
			       "from first on";
		first += order[i]->count;
	}
	return NULL;
}

static void deal(int n, long first, long units, long size)
{
	memset(parts, 0xff, sizeof parts); /* -1 everywhere */
	split(parts, n, first, units, size);
	const char *why = judge(n, first, units, size);
	if (!why || ++wrong > 6)
		return;
	printf("split(first %ld, %ld units, %d parts): %s; counts:", first,
	       units, n, why);
	for (int i = 0; i < n && i < 20; i++)
		printf(" %ld", parts[i].count);
	printf("%s\n", n > 20 ? " ..." : "");
}

int main(void)
{
	for (long units = 0; units <= 40; units++)
		for (int n = 1; n <= 17; n++)
			deal(n, units % 3 ? 7 * units : 0, units, 50 + n);
	deal(7, 0, 1000000, 1);
	deal(256, 100, 999999, 200000);
	deal(256, 3, 5, 10);
	deal(MAXN, 0, 1000 * MAXN - 1, 10);
	if (wrong) {
		printf("splitcheck: %d deals wrong\n", wrong);
		return 1;
	}
	printf("splitcheck: ok\n");
	return 0;
}
