/* bench.c: threads that each add 1 to their own counter, timed together. */
#include <stdatomic.h>
#include <stdlib.h>

#include "bench.h"

struct job {
	volatile long *mine; /* this thread's counter, and no one else's */
	long iters;
	struct gate *gate; /* shared by all the threads of a run */
	uint64_t ended;    /* when this thread finished counting */
};

/* Threads count only once all of them run: on an idle machine the kernel
 * may start them all on one core, where they take turns and never write
 * at the same time. A waiting thread spins rather than sleeps, so that it
 * keeps its core and the others move to free ones. */
struct gate {
	atomic_int started; /* threads that have reached the gate */
	int threads;
	uint64_t opened; /* when the last one arrived */
};

static void *count(void *arg)
{
	struct job *j = arg;
	struct gate *g = j->gate;
	if (atomic_fetch_add(&g->started, 1) == g->threads - 1)
		g->opened = wb_now_ns();
	while (atomic_load(&g->started) < g->threads)
		; /* spin */
	/* Locals: the loop touches this thread's counter and nothing else.
	 * (Reading j->iters on every pass, from the jobs array the threads
	 * share, halved even the padded speed on the development machine.) */
	volatile long *mine = j->mine;
	long iters = j->iters;
	for (long i = 0; i < iters; i++)
		(*mine)++;
	j->ended = wb_now_ns();
	return NULL;
}

struct run {
	struct counters c;
	struct job *jobs;
	struct gate gate;
	long threads, iters;
};

/* One timed run: zero the counters, count, return ns per increment. The
 * clock runs from the gate's opening to the last thread's end, not from
 * wb_team_run's start: with more threads than cores the gate itself can
 * take milliseconds. */
static double one_run(void *arg)
{
	struct run *r = arg;
	for (int i = 0; i < r->threads; i++)
		*counter(&r->c, i) = 0;
	atomic_store(&r->gate.started, 0);
	wb_team_run((int)r->threads, count, r->jobs, sizeof *r->jobs);
	uint64_t last = 0;
	for (int i = 0; i < r->threads; i++)
		last = r->jobs[i].ended > last ? r->jobs[i].ended : last;
	return (double)(last - r->gate.opened) /
	       ((double)r->threads * (double)r->iters);
}

struct result bench(enum layout layout, long threads, long iters, long reps)
{
	struct run r = {.threads = threads, .iters = iters};
	r.gate.threads = (int)threads;
	counters_make(&r.c, (int)threads, layout);
	r.jobs = wb_alloc((size_t)threads * sizeof *r.jobs);
	for (int i = 0; i < threads; i++)
		r.jobs[i] = (struct job){counter(&r.c, i), iters, &r.gate, 0};
	struct result res = {.ns = wb_measure(one_run, &r, 1, (int)reps),
			     .stride = r.c.stride};
	/* Every counter should hold iters: no thread touches another's. */
	for (int i = 0; i < threads; i++)
		res.counted += *counter(&r.c, i);
	free(r.jobs);
	counters_free(&r.c);
	return res;
}
