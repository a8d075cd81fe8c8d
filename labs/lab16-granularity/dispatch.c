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
	// TODO(lab16): take d->chunk indices in one atomic_fetch_add, not one
	// index; cut the last chunk at d->n
	long b = atomic_fetch_add(&d->next, 1);
	if (b >= d->n)
		return 0;
	*begin = b;
	*end = b + 1;
	return 1;
}

/* schedule(guided, min): the chunk depends on what is left, so a worker
 * reads next, works out its chunk and claims it only if next has not
 * moved meanwhile (compare-and-swap); otherwise it tries again. */
static long guided_next(struct dispatch *d, long *begin, long *end)
{
	// TODO(lab16): with r = d->n - next left, claim max(d->chunk,
	// ceil(r / d->workers)) indices, at most r, in a compare-and-swap loop
	return dynamic_next(d, begin, end);
}

long next_chunk(struct dispatch *d, long *begin, long *end)
{
	if (d->schedule == GUIDED)
		return guided_next(d, begin, end);
	return dynamic_next(d, begin, end);
}
