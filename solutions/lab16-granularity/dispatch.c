/* dispatch.c: one shared counter, the next index to hand out. A worker
 * takes a whole chunk in one atomic step, so the cost of asking (a cache
 * line that travels between the cores) is paid once per chunk, not once
 * per task. */
#include "dispatch.h"

void dispatch_init(struct dispatch *d, long n, enum schedule s, long chunk,
		   int workers)
{
	d->n = n;
	d->chunk = chunk;
	d->workers = workers;
	d->schedule = s;
	atomic_store(&d->next, 0);
}

/* schedule(dynamic, k): chunks of k, first come first served. */
static long dynamic_next(struct dispatch *d, long *begin, long *end)
{
	/* STARTER BEGIN
	// TODO(lab16): take d->chunk indices in one atomic_fetch_add, not one
	// index; cut the last chunk at d->n
	long b = atomic_fetch_add(&d->next, 1);
	if (b >= d->n)
		return 0;
	*begin = b;
	*end = b + 1;
	return 1;
	STARTER END */
	/* One atomic step claims [b, b + chunk): nobody else can get any
	 * of it. Callers that come after the end push next past n, which
	 * is harmless: they see b >= n and stop. */
	long b = atomic_fetch_add(&d->next, d->chunk);
	if (b >= d->n)
		return 0;
	long e = d->n - b < d->chunk ? d->n : b + d->chunk;
	*begin = b;
	*end = e;
	return e - b;
	/* SOLUTION END */
}

/* schedule(guided, min): the chunk depends on what is left, so a worker
 * reads next, works out its chunk and claims it only if next has not
 * moved meanwhile (compare-and-swap); otherwise it tries again. */
static long guided_next(struct dispatch *d, long *begin, long *end)
{
	/* STARTER BEGIN
	// TODO(lab16): with r = d->n - next left, claim max(d->chunk,
	// ceil(r / d->workers)) indices, at most r, in a compare-and-swap loop
	return dynamic_next(d, begin, end);
	STARTER END */
	long b = atomic_load(&d->next), size;
	do {
		long left = d->n - b;
		if (left <= 0)
			return 0;
		size = (left + d->workers - 1) / d->workers;
		if (size < d->chunk)
			size = d->chunk;
		if (size > left)
			size = left;
		/* On failure b becomes the value another worker left. */
	} while (!atomic_compare_exchange_weak(&d->next, &b, b + size));
	*begin = b;
	*end = b + size;
	return size;
	/* SOLUTION END */
}

long next_chunk(struct dispatch *d, long *begin, long *end)
{
	if (d->schedule == GUIDED)
		return guided_next(d, begin, end);
	return dynamic_next(d, begin, end);
}
