/* pdepth.c: back-pressure. The driver brings its own bounded queue (every
 * queue_* call is wrapped), so it sees each queue's depth itself. With the
 * reducers held, the queues fill up and the reader stops: a bounded number
 * of lines is made, whatever the text's length; no queue ever holds more
 * than its capacity. Released, the run ends with the right counts. Prints
 * "pdepth: ok" last. */
#include <stdbool.h>

#define DRV_OWN_QUEUE
#include "drv.h"

#define CAP 3

/* The driver's queue, found by the lab's struct queue's address. */
struct dq {
	struct queue *key;
	struct msg slots[64];
	long cap, head, count, max;
	bool closed, shut;
	pthread_mutex_t lock;
	pthread_cond_t change; /* any change: every waiter looks again */
};
static struct dq dqs[QRED + MAX_THREADS];
static int ndq;
static pthread_mutex_t dlock = PTHREAD_MUTEX_INITIALIZER;

static struct dq *find(struct queue *q)
{
	pthread_mutex_lock(&dlock);
	for (int i = 0; i < ndq; i++)
		if (dqs[i].key == q) {
			pthread_mutex_unlock(&dlock);
			return &dqs[i];
		}
	drv_fail("a queue was used that queue_init never made");
}

void __wrap_queue_init(struct queue *q, long capacity)
{
	pthread_mutex_lock(&dlock);
	if (ndq == QRED + MAX_THREADS || capacity > 64)
		drv_fail("too many queues, or a capacity over 64");
	struct dq *d = &dqs[ndq++];
	d->key = q;
	d->cap = capacity;
	pthread_mutex_init(&d->lock, NULL);
	pthread_cond_init(&d->change, NULL);
	pthread_mutex_unlock(&dlock);
}

void __wrap_queue_destroy(struct queue *q)
{
	(void)q;
}

bool __wrap_queue_put(struct queue *q, const struct msg *m)
{
	struct dq *d = find(q);
	pthread_mutex_lock(&d->lock);
	while (d->count == d->cap && !d->closed && !d->shut)
		pthread_cond_wait(&d->change, &d->lock);
	bool ok = !d->closed && !d->shut;
	if (ok) {
		d->slots[(d->head + d->count++) % d->cap] = *m;
		d->max = d->count > d->max ? d->count : d->max;
		pthread_cond_broadcast(&d->change);
	}
	pthread_mutex_unlock(&d->lock);
	return ok;
}

bool __wrap_queue_get(struct queue *q, struct msg *m)
{
	struct dq *d = find(q);
	pthread_mutex_lock(&d->lock);
	while (d->count == 0 && !d->closed && !d->shut)
		pthread_cond_wait(&d->change, &d->lock);
	bool got = d->count > 0 && !d->shut;
	if (got) {
		*m = d->slots[d->head];
		d->head = (d->head + 1) % d->cap;
		d->count--;
		pthread_cond_broadcast(&d->change);
	}
	pthread_mutex_unlock(&d->lock);
	return got;
}

static void set(struct queue *q, bool shut)
{
	struct dq *d = find(q);
	pthread_mutex_lock(&d->lock);
	*(shut ? &d->shut : &d->closed) = true;
	pthread_cond_broadcast(&d->change);
	pthread_mutex_unlock(&d->lock);
}

void __wrap_queue_close(struct queue *q)
{
	set(q, false);
}

void __wrap_queue_shutdown(struct queue *q)
{
	set(q, true);
}

static void drv_queue_state(struct queue *q, bool *closed, bool *shut,
			    long *held)
{
	struct dq *d = find(q);
	pthread_mutex_lock(&d->lock);
	*closed = d->closed;
	*shut = d->shut;
	*held = d->count;
	pthread_mutex_unlock(&d->lock);
}

static long depth(int i)
{
	struct dq *d = find(&P.q[i]);
	pthread_mutex_lock(&d->lock);
	long n = d->count;
	pthread_mutex_unlock(&d->lock);
	return n;
}

static void *run(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)pipeline_run(&P);
}

int main(void)
{
	int before = drv_begin("pdepth");
	const long lines = 3000, mappers = 2, reducers = 2;
	struct config cfg = {.words = 8 * lines,
			     .mappers = mappers,
			     .reducers = reducers,
			     .capacity = CAP};
	drv_deadline(800, "with the reducers held, the queues into them "
			  "never filled up: does the map stage put its "
			  "lines on them?");
	atomic_store(&hold_reducers, true);
	pipeline_init(&P, &cfg);
	if (ndq != QRED + reducers)
		drv_fail("%d queues made, expected %ld", ndq, QRED + reducers);
	pthread_t t;
	wb_check(pthread_create(&t, NULL, run, NULL), "pthread_create");
	for (;;) {
		bool red = false;
		for (int r = 0; r < reducers; r++)
			red |= depth(QRED + r) == CAP;
		if (red && depth(QIN) == CAP && depth(QMAP) == CAP)
			break;
		wb_sleep_ns(1000000);
	}
	/* Now at most: each queue, each pipe (64 KiB at most), and one line
	 * in the hands of each thread and of the child. */
	long bound = 2 * (65536 / (long)sizeof(struct msg)) +
		     (QRED + reducers) * CAP + mappers + reducers + 4;
	wb_sleep_ns(50000000); /* 50 ms more for the reader to run on */
	long made = atomic_load(&text_calls);
	if (made > bound)
		drv_fail("the reader made %ld of %ld lines while the "
			 "reducers were held: nothing held it back (at most "
			 "%ld fit in the queues and pipes)",
			 made, lines, bound);
	drv_deadline(5000, "released, the run did not end within 5 s");
	atomic_store(&hold_reducers, false);
	void *rc;
	wb_check(pthread_join(t, &rc), "pthread_join");
	if (rc)
		drv_fail("the run failed in stage %d: %s", (int)(intptr_t)rc,
			 P.error);
	for (int i = 0; i < ndq; i++)
		if (dqs[i].cap != CAP || dqs[i].max > CAP)
			drv_fail("queue %d: capacity %ld, held up to %ld; "
				 "expected capacity %d and never more",
				 i, dqs[i].cap, dqs[i].max, CAP);
	drv_check_counts("after the release");
	drv_nothing_left(before, "after the run");
	pipeline_free(&P);
	printf("held reducers: the reader stopped at %ld of %ld lines (at "
	       "most %ld fit); every queue held at most %d\n",
	       made, lines, bound, CAP);
	puts("pdepth: ok");
	return 0;
}
