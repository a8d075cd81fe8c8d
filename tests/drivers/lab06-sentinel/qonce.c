/* qonce.c: is every item consumed exactly once? The driver's producers and
 * consumers move numbered items through the lab's queue, over a grid of
 * sizes, and main stops the consumers with the lab's stop_by_sentinels or
 * queue_close. Each thread's first wait returns at once (spuriously). The
 * tests run it under ThreadSanitizer. Prints "qonce: ok" last. */
#include "drv.h"
#include "stop.h"

#define MAXT     8   /* producers or consumers, at most */
#define MAXITEMS 800 /* producers x items, at most */

struct shape {
	int producers, consumers, capacity, items;
	bool late; /* consumers start once main has stopped them */
};
/* Capacity 1 makes every item a hand-off; more consumers than items leave
 * some with nothing to do but stop; late consumers find every item (and
 * the sentinels, or the close) already in the queue. */
static const struct shape grid[] = {
	{1, 4, 1, 200, false}, {4, 1, 1, 200, false}, {3, 5, 2, 100, false},
	{2, 8, 1, 3, false},   {2, 3, 64, 20, true},
};

static struct run r;
static atomic_int seen[MAXITEMS]; /* times each item was consumed */
static atomic_long strays;        /* items consumed that nobody put */
static atomic_long moved;         /* puts and gets so far: progress */

static void *produce(void *arg)
{
	struct call *c = arg;
	c->ok = true;
	drv_spurious = 1;
	for (long seq = 0; seq < r.items; seq++) {
		c->ok = queue_put(&r.q, (struct item){c->it.producer, seq}) &&
			c->ok;
		atomic_fetch_add(&moved, 1);
	}
	atomic_store(&c->done, true);
	return NULL;
}

static void *consume(void *arg)
{
	struct call *c = arg;
	struct item it;
	drv_spurious = 1;
	while ((c->ok = queue_get(&r.q, &it))) {
		atomic_fetch_add(&moved, 1);
		if (it.producer == SENTINEL)
			break;
		if (it.producer < 0 || it.producer >= r.producers ||
		    it.seq < 0 || it.seq >= r.items)
			atomic_fetch_add(&strays, 1);
		else
			atomic_fetch_add(&seen[it.producer * r.items + it.seq],
					 1);
	}
	atomic_store(&c->done, true);
	return NULL;
}

/* Main's part once the producers are done: the lab's way to stop. */
static void *stop(void *arg)
{
	struct call *c = arg;
	if (c->arg)
		queue_close(&r.q);
	else
		stop_by_sentinels(&r);
	atomic_store(&c->done, true);
	return NULL;
}

static void start(struct call *c, int n, void *(*fn)(void *))
{
	for (int i = 0; i < n; i++) {
		c[i] = (struct call){.it = {i, 0}};
		wb_check(pthread_create(&c[i].thread, NULL, fn, &c[i]),
			 "pthread_create");
	}
}

/* Waits for the n calls c[] to return while they make progress; returns
 * how many have, once 2 s went by with no item moved. A slow queue (a
 * polling one, under ThreadSanitizer, on a busy machine) is not a hung one. */
static int finish(struct call *c, int n)
{
	long last = atomic_load(&moved);
	uint64_t since = wb_now_ns();
	for (;;) {
		int done = drv_done(c, n, 100);
		if (done == n || drv_ms_since(since) >= 2000)
			return done;
		if (atomic_load(&moved) != last) {
			last = atomic_load(&moved);
			since = wb_now_ns();
		}
	}
}

static void once(struct shape s, bool closing)
{
	struct call prod[MAXT], cons[MAXT];
	const char *how = closing ? "closing the queue" : "sentinels";
	r = (struct run){.producers = s.producers,
			 .consumers = s.consumers,
			 .items = s.items,
			 .sentinels = closing ? -1 : s.consumers};
	for (int i = 0; i < s.producers * s.items; i++)
		atomic_store(&seen[i], 0);
	atomic_store(&strays, 0);
	queue_init(&r.q, s.capacity);
	if (!s.late) { /* they wait on the empty queue (a poller: 200 ms) */
		start(cons, s.consumers, consume);
		drv_asleep(s.consumers, 200);
	}
	start(prod, s.producers, produce);
	if (finish(prod, s.producers) < s.producers)
		drv_fail("producers wait in put, and no item moved for 2 s");
	drv_join(prod, s.producers);
	for (int i = 0; i < s.producers; i++)
		if (!prod[i].ok)
			drv_fail("a put on an open queue failed");
	/* On a thread of its own: a put of a sentinel may wait for ever. */
	struct call stopper = {.arg = closing ? &r : NULL};
	wb_check(pthread_create(&stopper.thread, NULL, stop, &stopper),
		 "pthread_create");
	if (s.late) {
		if (drv_done(&stopper, 1, 1000) < 1)
			drv_fail("stopped by %s, main's part never returned",
				 how);
		start(cons, s.consumers, consume);
	}
	int done = finish(cons, s.consumers);
	if (done < s.consumers)
		drv_fail("stopped by %s, %d of %d consumers still wait, and "
			 "no item moved for 2 s",
			 how, s.consumers - done, s.consumers);
	drv_join(cons, s.consumers);
	for (int i = 0; !closing && i < s.consumers; i++)
		if (!cons[i].ok)
			drv_fail("get returned false on a queue never closed "
				 "(while, not if)");

	long got = atomic_load(&strays), lost = 0, twice = 0;
	for (int i = 0; i < s.producers * s.items; i++) {
		int n = atomic_load(&seen[i]);
		got += n;
		lost += n == 0;
		twice += n > 1;
	}
	printf("%d producers x %d items, %d%s consumers, capacity %d, %s: "
	       "%ld consumed, %ld lost, %ld twice, %ld strays\n",
	       s.producers, s.items, s.consumers, s.late ? " late" : "",
	       s.capacity, how, got, lost, twice, atomic_load(&strays));
	if (lost || twice || atomic_load(&strays))
		drv_fail("every item must be consumed exactly once");
	if (drv_done(&stopper, 1, 1000) < 1)
		drv_fail("stopped by %s, main's part never returned", how);
	drv_join(&stopper, 1);
	queue_destroy(&r.q);
}

int main(void)
{
	drv_name = "qonce";
	for (size_t i = 0; i < sizeof grid / sizeof grid[0]; i++) {
		once(grid[i], false);
		once(grid[i], true);
	}
	puts("qonce: ok");
	return 0;
}
