/* ds.c: the baton. One mutex and one condition variable: whoever holds the
 * baton runs; everyone else sleeps on `turn` until the baton names them. */
#include "ds.h"
#include "wb.h"

static _Thread_local struct ds *cur; /* the scheduler this thread runs under */
static _Thread_local int me;

struct start {
	struct ds *d;
	int id;
};

bool ds_active(void)
{
	return cur != NULL;
}

/* Gives the baton to the next unfinished thread of the schedule (or the
 * lowest unfinished one, or nobody) and wakes the threads to look.
 * The caller holds d->lock. */
static void pass(struct ds *d)
{
	while (d->pos < d->len && d->done[d->schedule[d->pos]])
		d->pos++;
	if (d->pos < d->len) {
		d->baton = d->schedule[d->pos++];
	} else {
		d->baton = -1;
		for (int i = d->n - 1; i >= 0; i--)
			if (!d->done[i])
				d->baton = i;
	}
	/* Broadcast: with one condition variable for all, signal could wake
	 * a thread whose turn it is not, and leave the right one asleep. */
	wb_check(pthread_cond_broadcast(&d->turn), "pthread_cond_broadcast");
}

/* Sleeps until the baton is ours. The caller holds d->lock. */
static void wait_turn(struct ds *d)
{
	while (d->baton != me)
		wb_check(pthread_cond_wait(&d->turn, &d->lock),
			 "pthread_cond_wait");
}

static void *thread(void *arg)
{
	struct start *s = arg;
	struct ds *d = s->d;
	cur = d;
	me = s->id;
	/* STARTER BEGIN
	// TODO(lab21): wait for the baton before the first step; at the
	// end, mark this thread done and pass the baton on
	d->body(me, d->arg);
	STARTER END */
	wb_check(pthread_mutex_lock(&d->lock), "pthread_mutex_lock");
	wait_turn(d);
	wb_check(pthread_mutex_unlock(&d->lock), "pthread_mutex_unlock");
	d->body(me, d->arg);
	wb_check(pthread_mutex_lock(&d->lock), "pthread_mutex_lock");
	d->done[me] = true;
	pass(d);
	wb_check(pthread_mutex_unlock(&d->lock), "pthread_mutex_unlock");
	/* SOLUTION END */
	cur = NULL;
	return NULL;
}

void ds_yield(void)
{
	struct ds *d = cur;
	if (!d)
		return;
	/* STARTER BEGIN
	// TODO(lab21): hand the baton to the next thread of the schedule
	// (pass), then sleep until it comes back (wait_turn), under d->lock
	(void)pass;
	(void)wait_turn;
	STARTER END */
	wb_check(pthread_mutex_lock(&d->lock), "pthread_mutex_lock");
	pass(d);
	wait_turn(d);
	wb_check(pthread_mutex_unlock(&d->lock), "pthread_mutex_unlock");
	/* SOLUTION END */
}

void ds_run(int n, ds_body *body, void *arg, const int *schedule, int len)
{
	struct ds d = {.baton = -1,
		       .n = n,
		       .schedule = schedule,
		       .len = len,
		       .body = body,
		       .arg = arg};
	pthread_t t[DS_MAX_THREADS];
	struct start s[DS_MAX_THREADS];
	wb_check(pthread_mutex_init(&d.lock, NULL), "pthread_mutex_init");
	wb_check(pthread_cond_init(&d.turn, NULL), "pthread_cond_init");
	/* STARTER BEGIN
	// TODO(lab21): start every thread, then hand out the first baton
	// (pass); join them all. This runs them one after another instead.
	for (int i = 0; i < n; i++) {
		s[i] = (struct start){&d, i};
		wb_check(pthread_create(&t[i], NULL, thread, &s[i]),
			 "pthread_create");
		wb_check(pthread_join(t[i], NULL), "pthread_join");
	}
	STARTER END */
	for (int i = 0; i < n; i++) {
		s[i] = (struct start){&d, i};
		wb_check(pthread_create(&t[i], NULL, thread, &s[i]),
			 "pthread_create");
	}
	wb_check(pthread_mutex_lock(&d.lock), "pthread_mutex_lock");
	pass(&d);
	wb_check(pthread_mutex_unlock(&d.lock), "pthread_mutex_unlock");
	for (int i = 0; i < n; i++)
		wb_check(pthread_join(t[i], NULL), "pthread_join");
	/* SOLUTION END */
	wb_check(pthread_cond_destroy(&d.turn), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&d.lock), "pthread_mutex_destroy");
}
