/* bench.c: threads released together from a barrier (wb_team_run) run a
 * share each of the same total work; the GIL's counters say how often it
 * changed hands and why. */
#include <stdlib.h>

#include "bench.h"
#include "wb.h"

struct share {
	struct interp *in;
	struct tstate t;
	long n; /* this thread's bytecodes */
};

static void *run_share(void *p)
{
	struct share *s = p;
	interp_run(s->in, &s->t, s->n);
	return NULL;
}

struct result bench_counts(struct interp *in)
{
	return (struct result){
		.switches = in->gil.switch_number,
		.drop_requests = in->gil.drop_requests,
		.forced_switches = in->gil.forced_switches,
		.most_inside = atomic_load(&in->most_inside),
		.most_blocked = atomic_load(&in->most_blocked),
	};
}

struct result bench_once(const struct config *c)
{
	struct interp in;
	struct share *sh = wb_alloc((size_t)c->threads * sizeof *sh);
	/* kind counter: whole increments of 3 bytecodes each */
	long unit = c->kind == KIND_COUNTER ? 3 : 1, each = c->work / unit;
	interp_init(&in, c->kind, c->check_at, c->gil, c->interval_us);
	for (int i = 0; i < c->threads; i++) {
		long n = each / c->threads + (i < each % c->threads);
		sh[i] = (struct share){&in, {.id = i}, n * unit};
	}
	uint64_t ns = wb_team_run(c->threads, run_share, sh, sizeof *sh);
	struct result r = bench_counts(&in);
	r.s = (double)ns / 1e9;
	r.expected = c->kind == KIND_COUNTER ? each : 0;
	r.counted = atomic_load(&in.counter);
	interp_destroy(&in);
	free(sh);
	return r;
}

static int by_time(const void *a, const void *b)
{
	double x = ((const struct result *)a)->s;
	double y = ((const struct result *)b)->s;
	return (x > y) - (x < y);
}

struct result bench(const struct config *c, int warmup, int reps,
		    struct wb_stats *st)
{
	struct result *r = wb_alloc((size_t)reps * sizeof *r);
	double *s = wb_alloc((size_t)reps * sizeof *s);
	for (int i = 0; i < warmup; i++)
		bench_once(c);
	for (int i = 0; i < reps; i++) {
		r[i] = bench_once(c);
		s[i] = r[i].s;
	}
	*st = wb_stats_of(s, reps);
	qsort(r, (size_t)reps, sizeof *r, by_time);
	struct result mid = r[reps / 2];
	free(r);
	free(s);
	return mid;
}
