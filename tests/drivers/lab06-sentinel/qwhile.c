/* qwhile.c: does a waiter look at the queue again after every wake-up? A
 * get on an empty queue, then a put on a full one, are woken twice with
 * nothing changed: once spuriously (the wrapped wait returns at once) and
 * once by a broadcast. Each must wait on, then return once the queue has
 * changed. Run by tests/lab06-sentinel.bats; prints "qwhile: ok" last. */
#include "drv.h"

/* Waits until c has begun its waits-th wait (counted by drv_waits) and
 * sleeps in it. Fails if c returned instead: its queue has not changed. */
static void waits_on(struct call *c, long waits, const char *what,
		     const char *state)
{
	uint64_t start = wb_now_ns();
	while (atomic_load(&drv_waits) < waits ||
	       atomic_load(&drv_inside) != 1) {
		if (atomic_load(&c->done))
			drv_fail("%s returned %s after a wake-up although the "
				 "queue was still %s: a wake-up is only a "
				 "hint, look again (while, not if)",
				 what, c->ok ? "true" : "false", state);
		if (drv_ms_since(start) > 1000 && !atomic_load(&drv_waits))
			drv_fail("%s never waited on a condition variable: it "
				 "polls instead of sleeping in "
				 "pthread_cond_wait",
				 what);
		if (drv_ms_since(start) > 1000)
			drv_fail("%s did not wait again after a wake-up", what);
		wb_sleep_ns(200000);
	}
	drv_asleep(1, 0);
}

/* Wakes every thread waiting on the last waited-on condition, as a thread
 * that changed nothing may. */
static void broadcast(void)
{
	pthread_mutex_t *m = atomic_load(&drv_mutex);
	wb_check(pthread_mutex_lock(m), "pthread_mutex_lock");
	wb_check(pthread_cond_broadcast(atomic_load(&drv_cond)),
		 "pthread_cond_broadcast");
	wb_check(pthread_mutex_unlock(m), "pthread_mutex_unlock");
}

/* Starts c on fn and wakes it twice for nothing; it must wait on. */
static void wake_for_nothing(struct call *c, void *(*fn)(void *),
			     const char *what, const char *state)
{
	long base = atomic_load(&drv_waits);
	c->spurious = 1;
	drv_start(c, fn);
	waits_on(c, base + 2, what, state);
	broadcast();
	waits_on(c, base + 3, what, state);
}

static bool is(struct item it, int producer, long seq)
{
	return it.producer == producer && it.seq == seq;
}

int main(void)
{
	drv_name = "qwhile";
	struct queue q;
	struct item it;
	queue_init(&q, 1);

	struct call get = {.q = &q};
	wake_for_nothing(&get, drv_get, "get on an empty queue", "empty");
	queue_put(&q, (struct item){1, 7});
	if (drv_done(&get, 1, 1000) < 1)
		drv_fail("get still waits after a put: a put must wake a "
			 "thread waiting in get");
	if (!get.ok || !is(get.it, 1, 7))
		drv_fail("get returned something else than the item put");

	queue_put(&q, (struct item){1, 8}); /* the queue is full */
	struct call put = {.q = &q, .it = {1, 9}};
	wake_for_nothing(&put, drv_put, "put on a full queue", "full");
	if (!drv_get_now(&q, &it, "get on a full queue") || !is(it, 1, 8))
		drv_fail("the queue lost its item while a put waited");
	if (drv_done(&put, 1, 1000) < 1)
		drv_fail("put still waits after a get: a get must wake a "
			 "thread waiting in put");
	if (!put.ok || !drv_get_now(&q, &it, "get") || !is(it, 1, 9))
		drv_fail("the put that waited did not put its item");

	drv_join(&get, 1);
	drv_join(&put, 1);
	queue_destroy(&q);
	puts("qwhile: ok");
	return 0;
}
