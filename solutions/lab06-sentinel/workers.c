/* workers.c: a producer puts its items, numbered from 0; a consumer gets
 * items until it gets a sentinel, or until get says the queue is closed and
 * empty. Both bump the progress counter that the watchdog watches. */
#include "workers.h"
#include "wb.h"

static void *produce(void *arg)
{
	struct worker *w = arg;
	struct run *r = w->run;
	for (long seq = 0; seq < r->items; seq++) {
		if (!queue_put(&r->q, (struct item){w->id, seq}))
			break; /* closed: nobody would take it */
		atomic_fetch_add(&w->items, 1);
		atomic_fetch_add(&r->progress, 1);
	}
	atomic_store(&w->done, true);
	return NULL;
}

static void *consume(void *arg)
{
	struct worker *w = arg;
	struct run *r = w->run;
	struct item it;
	/* Python: `while (item := q.get()) is not None:`. A consumer that
	 * gets a sentinel stops, so it takes no other consumer's. */
	while (queue_get(&r->q, &it) && it.producer != SENTINEL) {
		tally_mark(&r->tally, it);
		atomic_fetch_add(&w->items, 1);
		atomic_fetch_add(&r->progress, 1);
	}
	atomic_store(&w->done, true);
	atomic_fetch_add(&r->progress, 1);
	return NULL;
}

static struct worker *start(struct run *r, long n, void *(*fn)(void *))
{
	struct worker *w = wb_alloc((size_t)n * sizeof *w);
	for (long i = 0; i < n; i++) {
		w[i].run = r;
		w[i].id = (int)i;
		wb_check(pthread_create(&w[i].tid, NULL, fn, &w[i]),
			 "pthread_create");
	}
	return w;
}

void workers_start(struct run *r)
{
	r->cons = start(r, r->consumers, consume);
	r->prod = start(r, r->producers, produce);
}

void workers_join(struct worker *w, long n)
{
	for (long i = 0; i < n; i++)
		wb_check(pthread_join(w[i].tid, NULL), "pthread_join");
}

static void *nudge(void *arg)
{
	struct run *r = arg;
	/* No progress bump here: the nudges are not work, and a stuck run
	 * must still look stuck to the watchdog. */
	while (!atomic_load(&r->stop_nudging)) {
		queue_nudge(&r->q);
		wb_sleep_ns((uint64_t)r->spurious_us * 1000u);
	}
	return NULL;
}

void nudger_start(struct run *r)
{
	wb_check(pthread_create(&r->nudger, NULL, nudge, r), "pthread_create");
}

void nudger_stop(struct run *r)
{
	atomic_store(&r->stop_nudging, true);
	wb_check(pthread_join(r->nudger, NULL), "pthread_join");
}

/* Says how many of the n workers w have not finished, and where they are. */
static void unfinished(FILE *out, struct worker *w, long n, const char *who,
		       const char *where)
{
	long left = 0;
	for (long i = 0; i < n; i++)
		left += !atomic_load(&w[i].done);
	if (left == 0) {
		if (n == 1)
			fprintf(out, "the %s has finished\n", who);
		else
			fprintf(out, "all %ld %ss have finished\n", n, who);
		return;
	}
	fprintf(out, "%ld of %ld %ss still wait in %s:\n", left, n, who, where);
	for (long i = 0; i < n; i++) {
		long got = atomic_load(&w[i].items);
		if (!atomic_load(&w[i].done))
			fprintf(out, "  %s %ld, after %ld item%s\n", who, i,
				got, got == 1 ? "" : "s");
	}
}

void workers_report(FILE *out, void *arg)
{
	struct run *r = arg;
	long put = atomic_load(&r->sentinels_put);
	switch (atomic_load(&r->phase)) {
	case PROBING:
		fprintf(out, "main is measuring how much CPU waiting threads "
			     "use (--idle-ms): put or get never returned\n");
		return;
	case PRODUCING:
		fprintf(out, "main waits for the producers to finish\n");
		break;
	case STOPPING:
		if (r->sentinels < 0)
			fprintf(out, "main is closing the queue\n");
		else
			fprintf(out, "main is putting sentinels: %ld of %ld\n",
				put, r->sentinels);
		break;
	case DRAINING:
		if (r->sentinels < 0)
			fprintf(out, "main closed the queue and waits for the "
				     "consumers to finish\n");
		else
			fprintf(out,
				"main put %ld sentinel%s for %ld "
				"consumers and waits for them to finish\n",
				put, put == 1 ? "" : "s", r->consumers);
		break;
	}
	unfinished(out, r->prod, r->producers, "producer", "queue_put");
	unfinished(out, r->cons, r->consumers, "consumer", "queue_get");
	if (r->sentinels >= 0 && put < r->consumers &&
	    atomic_load(&r->phase) == DRAINING)
		fprintf(out,
			"one sentinel stops one consumer: %ld consumers "
			"never get one\n",
			r->consumers - put);
}
