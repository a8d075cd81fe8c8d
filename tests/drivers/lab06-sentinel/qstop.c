/* qstop.c: does stop_by_sentinels put r->sentinels sentinels, one per
 * consumer to stop? The driver's consumers take items from a queue of 2
 * slots until they get a sentinel, and the lab's queue_put is wrapped to
 * count the sentinels. Prints "qstop: ok" last if every case holds. */
#include "drv.h"
#include "stop.h"

static atomic_long sentinels_in; /* sentinels put so far */

bool __real_queue_put(struct queue *q, struct item it);
bool __wrap_queue_put(struct queue *q, struct item it);

bool __wrap_queue_put(struct queue *q, struct item it)
{
	if (it.producer == SENTINEL)
		atomic_fetch_add(&sentinels_in, 1);
	return __real_queue_put(q, it);
}

/* A consumer, as in workers.c: it stops at a sentinel (or at close). */
static void *consume(void *arg)
{
	struct call *c = arg;
	while (queue_get(c->q, &c->it) && c->it.producer != SENTINEL)
		;
	atomic_store(&c->done, true);
	return NULL;
}

static void *stop(void *arg)
{
	struct call *c = arg;
	stop_by_sentinels(c->arg);
	atomic_store(&c->done, true);
	return NULL;
}

/* Waits up to a second for k of the n consumers c[] to stop; returns how
 * many have. */
static int stopped(struct call *c, int n, int k)
{
	uint64_t start = wb_now_ns();
	int done;
	while ((done = drv_done(c, n, 0)) < k && drv_ms_since(start) < 1000)
		wb_sleep_ns(200000);
	return done;
}

/* With n consumers, main puts s sentinels: exactly s consumers stop. */
static void check(int n, long s)
{
	static struct run r; /* static: too large a stack frame otherwise */
	struct call c[8] = {{0}}, stopper = {.arg = &r};
	r = (struct run){.consumers = n, .sentinels = s};
	atomic_store(&sentinels_in, 0);
	queue_init(&r.q, 2);
	for (int i = 0; i < n; i++) {
		c[i].q = &r.q;
		wb_check(pthread_create(&c[i].thread, NULL, consume, &c[i]),
			 "pthread_create");
	}
	wb_check(pthread_create(&stopper.thread, NULL, stop, &stopper),
		 "pthread_create");
	/* Once it has returned, every sentinel it put has been counted. */
	if (drv_done(&stopper, 1, 1000) < 1)
		drv_fail("stop_by_sentinels still runs after a second, with "
			 "%ld sentinels put for r->sentinels = %ld",
			 atomic_load(&sentinels_in), s);
	long in = atomic_load(&sentinels_in);
	printf("%d consumers, r->sentinels = %ld: %ld sentinels put\n", n, s,
	       in);
	if (in != s)
		drv_fail("stop_by_sentinels must put r->sentinels (%ld) "
			 "sentinels, one per consumer to stop; it put %ld",
			 s, in);
	int done = stopped(c, n, (int)s);
	if (done != s)
		drv_fail("%ld sentinels stopped %d of %d consumers", s, done,
			 n);

	/* Stop the others and clean up. */
	for (int i = 0; i < n - s; i++)
		__real_queue_put(&r.q, (struct item){SENTINEL, 0});
	if (drv_done(c, n, 1000) < n)
		drv_fail("consumers still wait after one sentinel each");
	drv_join(c, n);
	drv_join(&stopper, 1);
	queue_destroy(&r.q);
}

int main(void)
{
	drv_name = "qstop";
	check(5, 5);
	check(5, 2);
	check(1, 1);
	check(3, 0);
	puts("qstop: ok");
	return 0;
}
