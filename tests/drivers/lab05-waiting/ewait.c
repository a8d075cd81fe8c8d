/* ewait.c: the event's waits. Set first, a timed wait returns true at
 * once; unset, it returns false after its timeout, asleep all along; and
 * 1000 rounds of ping-pong between two threads over two events lose no
 * wake-up while every other wait returns at once (a spurious wake-up).
 * Run by tests/lab05-waiting.bats; prints "ewait: ok" last. */
#include "drv.h"

#include "event.h"

#define TIMEOUT_MS 200
#define ROUNDS     1000

static struct event go, back, never;
static atomic_long progress, timed_done;
static double timed_ms;
static bool timed_got;
static struct use timed_use[2];

/* A timed wait nobody ends; its first wait returns at once. */
static void *timed(void *arg)
{
	(void)arg;
	drv_spurious = 2;
	drv_waits = 1;
	int tid = drv_tid();
	timed_use[0] = drv_use(tid);
	uint64_t t0 = wb_now_ns();
	timed_got = event_wait(&never, TIMEOUT_MS);
	timed_ms = (double)(wb_now_ns() - t0) / 1e6;
	timed_use[1] = drv_use(tid);
	atomic_store(&timed_done, 1);
	return NULL;
}

/* One side of the ping-pong: waits for `in`, lowers it, raises `out`.
 * Every other wait has no limit; the rest wait at most 10 s. */
static void pong(struct event *in, struct event *out, bool first)
{
	drv_spurious = 2;
	for (long r = 0; r < ROUNDS; r++) {
		if (first)
			event_set(out);
		if (!event_wait(in, r % 2 ? -1 : 10000))
			drv_fail("round %ld: event_wait returned false before "
				 "the event was set (a spurious wake-up, taken "
				 "for a set: while, not if)",
				 r);
		event_clear(in);
		if (!first)
			event_set(out);
		atomic_fetch_add(&progress, 1);
	}
}

static void *ping(void *arg)
{
	(void)arg;
	pong(&back, &go, true);
	return NULL;
}

static void *pinged(void *arg)
{
	(void)arg;
	pong(&go, &back, false);
	return NULL;
}

int main(void)
{
	drv_name = "ewait";
	event_init(&go);
	event_init(&back);
	event_init(&never);

	event_set(&go);
	uint64_t t0 = wb_now_ns();
	if (!event_wait(&go, 10000) || drv_ms_since(t0) > 1000)
		drv_fail("event_wait(e, 10000) on a set event must return "
			 "true at once");
	event_clear(&go);
	if (event_wait(&go, 1))
		drv_fail("event_wait(e, 1) after clear returned true");
	printf("set first: true at once; after clear: false\n");

	pthread_t t, p, q;
	wb_check(pthread_create(&t, NULL, timed, NULL), "pthread_create");
	if (!drv_until(&timed_done, 1, TIMEOUT_MS + 1700))
		drv_fail("event_wait(e, %d) still waits after %d ms: is the "
			 "deadline absolute, on the condition's clock "
			 "(CLOCK_MONOTONIC)?",
			 TIMEOUT_MS, TIMEOUT_MS + 1700);
	wb_check(pthread_join(t, NULL), "pthread_join");
	printf("event_wait(e, %d) with nobody to set it: %s after %.1f ms\n",
	       TIMEOUT_MS, timed_got ? "true" : "false", timed_ms);
	if (timed_got)
		drv_fail("a wait for an event nobody set returned true");
	if (timed_ms < TIMEOUT_MS)
		drv_fail("event_wait(e, %d) gave up after %.1f ms, before its "
			 "timeout (pthread_cond_timedwait takes an absolute "
			 "time; and a wake-up must not end the wait)",
			 TIMEOUT_MS, timed_ms);
	if (!drv_slept("the timed wait", TIMEOUT_MS, timed_use[0],
		       timed_use[1]))
		drv_fail("a thread in event_wait must sleep until set or "
			 "timed out");

	wb_check(pthread_create(&p, NULL, ping, NULL), "pthread_create");
	wb_check(pthread_create(&q, NULL, pinged, NULL), "pthread_create");
	long seen = -1;
	uint64_t moved = wb_now_ns();
	while (atomic_load(&progress) < 2 * ROUNDS) {
		wb_sleep_ns(2000000);
		if (atomic_load(&progress) != seen) {
			seen = atomic_load(&progress);
			moved = wb_now_ns();
		} else if (drv_ms_since(moved) > 1000) {
			drv_fail("ping-pong stuck after %ld of %d rounds: a "
				 "wake-up was lost",
				 seen / 2, ROUNDS);
		}
	}
	wb_check(pthread_join(p, NULL), "pthread_join");
	wb_check(pthread_join(q, NULL), "pthread_join");
	printf("%d rounds of ping-pong, every other wait spurious: no "
	       "wake-up lost\n",
	       ROUNDS);
	puts("ewait: ok");
	return 0;
}
