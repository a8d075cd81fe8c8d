/* load.c: runs a team of threads for a fixed time and counts what they
 * got done. A fixed time, not a fixed amount of work, keeps every run
 * short even when a lock makes progress crawl. */
#define _GNU_SOURCE /* RUSAGE_SELF's counts of context switches */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "load.h"
#include "lock.h"
#include "wb.h"

atomic_long oversub_progress;

struct member {
	const struct load *l;
	int index;
	struct tally *tally;
	pthread_barrier_t *start;
	atomic_bool *stop;
	long ops;
	uint64_t sink; /* the work's results, kept so it is not dropped */
	char pad[64];  /* each member's counter on a cache line of its own */
};

static void *work(void *arg)
{
	struct member *m = arg;
	const struct load *l = m->l;
	wb_check(pin_self(pin_choose(l->allowed, l->pin, m->index)),
		 "pin_self");
	int rc = pthread_barrier_wait(m->start);
	if (rc != 0 && rc != PTHREAD_BARRIER_SERIAL_THREAD)
		wb_die("pthread_barrier_wait", rc);
	uint64_t sink = 0;
	long ops = 0;
	while (!atomic_load_explicit(m->stop, memory_order_relaxed)) {
		switch (l->kind) {
		case LOAD_CPU:
			sink += wb_burn(l->units);
			break;
		case LOAD_LOCK:
			step_long(m->tally, l->units);
			break;
		case LOAD_SHORT:
			step_short(m->tally, l->units);
			break;
		case LOAD_IO:
			wb_sleep_ns((uint64_t)l->io_us * 1000u);
			sink += wb_burn(l->units);
			break;
		}
		ops++;
	}
	m->ops = ops;
	m->sink = sink;
	return NULL;
}

struct load_result load_run(const struct load *l)
{
	struct tally tally = {0};
	pthread_barrier_t start;
	atomic_bool stop = false;
	pthread_t *tids = wb_alloc((size_t)l->threads * sizeof *tids);
	struct member *ms = wb_alloc((size_t)l->threads * sizeof *ms);
	wb_check(pthread_barrier_init(&start, NULL, (unsigned)l->threads + 1),
		 "pthread_barrier_init");
	for (int i = 0; i < l->threads; i++) {
		ms[i] = (struct member){l, i, &tally, &start, &stop, 0, 0, {0}};
		wb_check(pthread_create(&tids[i], NULL, work, &ms[i]),
			 "pthread_create");
	}
	struct rusage r0, r1;
	wb_sys(getrusage(RUSAGE_SELF, &r0), "getrusage");
	int rc = pthread_barrier_wait(&start);
	if (rc != 0 && rc != PTHREAD_BARRIER_SERIAL_THREAD)
		wb_die("pthread_barrier_wait", rc);
	uint64_t t0 = wb_now_ns();
	wb_sleep_ns((uint64_t)l->ms * 1000000u);
	atomic_store(&stop, true);
	struct load_result res = {0};
	for (int i = 0; i < l->threads; i++) {
		wb_check(pthread_join(tids[i], NULL), "pthread_join");
		res.ops += ms[i].ops;
	}
	double s = (double)(wb_now_ns() - t0) / 1e9;
	wb_sys(getrusage(RUSAGE_SELF, &r1), "getrusage");
	res.ops_per_s = (double)res.ops / s;
	res.voluntary = r1.ru_nvcsw - r0.ru_nvcsw;
	res.involuntary = r1.ru_nivcsw - r0.ru_nivcsw;
	if (l->kind == LOAD_LOCK || l->kind == LOAD_SHORT)
		res.lost = res.ops - tally.steps; /* 0 unless the lock fails */
	wb_check(pthread_barrier_destroy(&start), "pthread_barrier_destroy");
	free(ms);
	free(tids);
	return res;
}
