/* stage.c: the threads of stages 1 (read), 3 (map) and 4 (reduce). Each
 * gets an item from its input queue, works on it and puts what comes out
 * on its output queues, timing each of the three; the end of input and a
 * failure both flow through the queues. */
#include <stdio.h>

#include "pipeline.h"
#include "wb.h"

bool stage_hooks(const struct config *cfg, int stage, long seq, long fail)
{
	if (cfg->slow_stage == stage)
		wb_sleep_ns((uint64_t)cfg->delay_us * 1000u);
	return cfg->fail_stage == stage && seq == fail;
}

bool stage_get(struct worker *w, struct msg *m)
{
	atomic_store(&w->state, 1);
	uint64_t t0 = wb_now_ns();
	bool got = queue_get(w->in, m);
	w->t.wait_in += wb_now_ns() - t0;
	atomic_store(&w->state, 0);
	atomic_fetch_add(&w->p->progress, 1);
	return got;
}

bool stage_put(struct worker *w, int i, const struct msg *m)
{
	atomic_store(&w->state, 2);
	uint64_t t0 = wb_now_ns();
	bool ok = queue_put(w->out[i], m);
	w->t.wait_out += wb_now_ns() - t0;
	atomic_store(&w->state, 0);
	atomic_fetch_add(&w->p->progress, 1);
	return ok;
}

bool stage_work(struct worker *w, struct msg *in, struct msg *out, char *err)
{
	struct pipeline *p = w->p;
	uint64_t t0 = wb_now_ns();
	int rc = -1;
	if (stage_hooks(&p->cfg, w->stage, in->seq, p->fail_line))
		snprintf(err, ERR_MAX, "failed on line %ld (--fail-stage %d)",
			 in->seq, w->stage);
	else if (w->stage == 3)
		rc = map_line(in, out, w->nout, err);
	else
		rc = count_line(&p->counts[w->id], in, err);
	w->t.busy += wb_now_ns() - t0;
	w->t.items++;
	return rc == 0;
}

/* Stage 1: makes the lines and puts them on its queue, then closes it. */
void *read_thread(void *arg)
{
	struct worker *w = arg;
	struct pipeline *p = w->p;
	char err[ERR_MAX] = "";
	for (long i = 0; i < p->lines; i++) {
		long left = p->cfg.words - i * WORDS_PER_LINE;
		int n = left < WORDS_PER_LINE ? (int)left : WORDS_PER_LINE;
		struct msg m;
		uint64_t t0 = wb_now_ns();
		int rc = -1;
		if (stage_hooks(&p->cfg, 1, i, p->fail_line))
			snprintf(err, ERR_MAX,
				 "failed on line %ld (--fail-stage 1)", i);
		else
			rc = text_line((uint64_t)p->cfg.seed, i, n, &m, err);
		w->t.busy += wb_now_ns() - t0;
		w->t.items++;
		if (rc != 0) {
			pipeline_fail(p, 1, err);
			return NULL;
		}
		if (!stage_put(w, 0, &m))
			return NULL; /* shut down: the pipeline is stopping */
	}
	queue_close(w->out[0]); /* the end of input flows on */
	return NULL;
}

/* A thread of stage 3 or 4: get, work, put, until the input ends. */
void *stage_thread(void *arg)
{
	struct worker *w = arg;
	/* STARTER BEGIN
	// TODO(lab19): loop while stage_get(w, &in) gets an item: stage_work
	// it into out[], then stage_put(w, i, &out[i]) each out[i] with words
	// TODO(lab19): if stage_work fails, pipeline_fail(w->p, w->stage, err)
	// and return; if a put fails (the pipeline stops), return
	// TODO(lab19): after the loop, the last thread of the stage to end
	// (count down w->p->live[w->stage]) closes every w->out[i]
	(void)w;
	STARTER END */
	struct msg in, out[MAX_THREADS];
	char err[ERR_MAX] = "";
	while (stage_get(w, &in)) {
		if (!stage_work(w, &in, out, err)) {
			pipeline_fail(w->p, w->stage, err);
			return NULL;
		}
		for (int i = 0; i < w->nout; i++)
			if (out[i].n > 0 && !stage_put(w, i, &out[i]))
				return NULL; /* shut down: the pipeline stops */
	}
	/* The end of input. Other threads of this stage may still hold an
	 * item: only the last one to end may say "no more" downstream. */
	if (atomic_fetch_sub(&w->p->live[w->stage], 1) == 1)
		for (int i = 0; i < w->nout; i++)
			queue_close(w->out[i]);
	/* SOLUTION END */
	return NULL;
}
