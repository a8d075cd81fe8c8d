/* engine.c: the lab's pool for one loop: W threads, released together,
 * each asking the dispatcher for a chunk, running its tasks, and asking
 * again until the dispatcher says there are none left. */
#include <stdlib.h>

#include "granularity.h"
#include "wb.h"

struct worker {
	struct dispatch *d;
	const struct job *j;
	long chunks, done; /* chunks taken, tasks run */
	double big_share;  /* the biggest timed chunk's share of the work */
	uint64_t big_ns;   /* and the time it took */
	uint64_t sum;
	char pad[64]; /* each worker's counters on cache lines of its own */
};

static void *work(void *arg)
{
	struct worker *w = arg;
	const struct job *j = w->j;
	/* Only chunks big enough to unbalance the run are timed: reading
	 * the clock for every chunk would add to what chunk 1 costs. */
	long timed = j->tasks / (4L * w->d->workers);
	double total = job_total(j);
	long b, e, k;
	while ((k = next_chunk(w->d, &b, &e)) > 0) {
		uint64_t t0 = k > timed ? wb_now_ns() : 0;
		for (long i = b; i < e; i++)
			w->sum += run_task(j, i);
		w->chunks++;
		w->done += k;
		double share = k > timed ? job_weight(j, b, e) / total : 0;
		if (share > w->big_share) {
			w->big_share = share;
			w->big_ns = wb_now_ns() - t0;
		}
	}
	return NULL;
}

void run_lab(const struct job *j, int workers, enum schedule s, long chunk,
	     struct outcome *o)
{
	struct dispatch d;
	dispatch_init(&d, j->tasks, s, chunk, workers);
	struct worker *ws = wb_alloc((size_t)workers * sizeof *ws);
	for (int i = 0; i < workers; i++)
		ws[i] = (struct worker){.d = &d, .j = j};
	uint64_t ns = wb_team_run(workers, work, ws, sizeof *ws);
	*o = (struct outcome){.ms = (double)ns / 1e6};
	for (int i = 0; i < workers; i++) {
		o->chunks += ws[i].chunks;
		o->done += ws[i].done;
		o->sum += ws[i].sum;
		if (ws[i].big_share > o->big_share) {
			o->big_share = ws[i].big_share;
			o->big_ms = (double)ws[i].big_ns / 1e6;
		}
	}
	free(ws);
}
