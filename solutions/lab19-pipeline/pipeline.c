/* pipeline.c: builds the pipeline, runs it to its end (or its first
 * failure), joins every thread and reaps the child. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "pipeline.h"
#include "wb.h"

const char *const stage_names[STAGES + 1] = {"", "read", "clean", "map",
					     "reduce"};

void pipeline_init(struct pipeline *p, const struct config *cfg)
{
	*p = (struct pipeline){.cfg = *cfg, .child = -1};
	p->lines = (cfg->words + WORDS_PER_LINE - 1) / WORDS_PER_LINE;
	p->fail_line = (p->lines - 1) / 2; /* the middle line */
	p->nq = QRED + (int)cfg->reducers;
	for (int i = 0; i < p->nq; i++) {
		queue_init(&p->q[i], cfg->capacity);
		p->qp[i] = &p->q[i];
	}
	for (int r = 0; r < cfg->reducers; r++)
		counts_init(&p->counts[r]);
	wb_check(pthread_mutex_init(&p->lock, NULL), "pthread_mutex_init");
}

/* Runs a worker's loop, then marks it ended for the watchdog's report. */
static void *run_worker(void *arg)
{
	struct worker *w = arg;
	w->fn(w);
	atomic_store(&w->state, 3);
	return NULL;
}

static void start(struct pipeline *p, int stage, void *(*fn)(void *), int in,
		  int out, int nout)
{
	struct worker *w = &p->w[p->nw];
	*w = (struct worker){.p = p, .stage = stage, .nout = nout, .fn = fn};
	for (int i = 0; i < p->nw; i++)
		w->id += p->w[i].stage == stage; /* its index in the stage */
	w->in = in < 0 ? NULL : &p->q[in];
	w->out = out < 0 ? NULL : &p->qp[out];
	wb_check(pthread_create(&w->tid, NULL, run_worker, w),
		 "pthread_create");
	p->nw++;
}

int pipeline_run(struct pipeline *p)
{
	int mappers = (int)p->cfg.mappers, reducers = (int)p->cfg.reducers;
	/* A write to a pipe nobody reads fails with EPIPE instead of ending
	 * the process with SIGPIPE: a stage reports it like any error. */
	struct sigaction ign = {.sa_handler = SIG_IGN};
	wb_sys(sigaction(SIGPIPE, &ign, NULL), "sigaction");
	uint64_t t0 = wb_now_ns();
	proc_start(p); /* fork first, while this is the only thread here */
	atomic_store(&p->live[3], mappers);
	atomic_store(&p->live[4], reducers);
	start(p, 1, read_thread, -1, QIN, 1);
	start(p, 2, feed_thread, QIN, -1, 0);
	start(p, 2, drain_thread, -1, QMAP, 1);
	for (int i = 0; i < mappers; i++)
		start(p, 3, stage_thread, QMAP, QRED, reducers);
	for (int i = 0; i < reducers; i++)
		start(p, 4, stage_thread, QRED + i, -1, 0);
	for (int i = 0; i < p->nw; i++)
		wb_check(pthread_join(p->w[i].tid, NULL), "pthread_join");
	proc_end(p);
	p->wall_ns = wb_now_ns() - t0;
	return p->failed;
}

void pipeline_fail(struct pipeline *p, int stage, const char *msg)
{
	/* STARTER BEGIN
	// TODO(lab19): keep the first failure only: under p->lock, if
	// p->failed is 0, set it to stage and p->error to "NAME: msg"
	// (NAME: stage_names[stage])
	// TODO(lab19): then stop every stage at once: queue_shutdown each
	// of the p->nq queues p->q[i]
	(void)p;
	(void)stage;
	(void)msg;
	STARTER END */
	wb_check(pthread_mutex_lock(&p->lock), "pthread_mutex_lock");
	if (!p->failed) {
		p->failed = stage;
		snprintf(p->error, ERROR_MAX, "%s: %s", stage_names[stage],
			 msg);
	}
	wb_check(pthread_mutex_unlock(&p->lock), "pthread_mutex_unlock");
	/* Every thread waits in a queue, or soon will: waking them all with
	 * "stop" ends every stage, upstream and downstream. */
	for (int i = 0; i < p->nq; i++)
		queue_shutdown(&p->q[i]);
	/* SOLUTION END */
}

void pipeline_free(struct pipeline *p)
{
	for (int i = 0; i < p->nq; i++)
		queue_destroy(&p->q[i]);
	for (int r = 0; r < p->cfg.reducers; r++)
		counts_free(&p->counts[r]);
	wb_check(pthread_mutex_destroy(&p->lock), "pthread_mutex_destroy");
}

void pipeline_report(FILE *out, void *arg)
{
	static const char *const states[] = {"working", "waiting for input",
					     "waiting for room", "ended"};
	struct pipeline *p = arg;
	for (int i = 0; i < p->nq; i++)
		fprintf(out, "queue %s holds %ld of %ld\n",
			i == QIN    ? "read->clean"
			: i == QMAP ? "clean->map"
				    : "map->reduce",
			queue_depth(&p->q[i]), p->cfg.capacity);
	for (int i = 0; i < p->nw; i++)
		fprintf(out, "stage %d (%s), thread %d: %s\n", p->w[i].stage,
			stage_names[p->w[i].stage], p->w[i].id,
			states[atomic_load(&p->w[i].state)]);
}
