/* bench.c: threads that each add 1 to their own counter, timed together. */
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "bench.h"

struct job {
	volatile long *mine; /* this thread's counter, and no one else's */
	long iters;
	atomic_int *started; /* threads that have started, shared by all */
	int threads;
};

static void *count(void *arg)
{
	struct job *j = arg;
	/* Count only once every thread runs. On an idle machine the kernel
	 * may start them all on one core, where they take turns and never
	 * write at the same time: nothing to measure. */
	atomic_fetch_add(j->started, 1);
	while (atomic_load(j->started) < j->threads)
		sched_yield();
	for (long i = 0; i < j->iters; i++)
		(*j->mine)++;
	return NULL;
}

struct run {
	struct counters c;
	struct job *jobs;
	long threads, iters;
	atomic_int started;
};

/* One timed run: zero the counters, count, return ns per increment. */
static double one_run(void *arg)
{
	struct run *r = arg;
	for (int i = 0; i < r->threads; i++)
		*counter(&r->c, i) = 0;
	atomic_store(&r->started, 0);
	uint64_t ns =
		wb_team_run((int)r->threads, count, r->jobs, sizeof *r->jobs);
	return (double)ns / ((double)r->threads * (double)r->iters);
}

struct result bench(enum layout layout, long threads, long iters, long reps)
{
	struct run r = {.threads = threads, .iters = iters};
	counters_make(&r.c, (int)threads, layout);
	r.jobs = wb_alloc((size_t)threads * sizeof *r.jobs);
	for (int i = 0; i < threads; i++)
		r.jobs[i] = (struct job){counter(&r.c, i), iters, &r.started,
					 (int)threads};
	struct result res = {.ns = wb_measure(one_run, &r, 1, (int)reps),
			     .stride = r.c.stride};
	/* Every counter should hold iters: no thread touches another's. */
	for (int i = 0; i < threads; i++)
		res.counted += *counter(&r.c, i);
	free(r.jobs);
	counters_free(&r.c);
	return res;
}
