/* pstop.c join|cancel: what pool_shutdown does. join: shutdown(wait)
 * returns only after every task submitted has run, and leaves no worker
 * thread (/proc/self/task). cancel: shutdown(cancel_futures) marks the
 * queued tasks' futures cancelled and never runs them; the running task
 * finishes. Prints "pstop: ok" last. */
#include "drv.h"

static struct event go;
static atomic_int started, ran[8];

/* Task i: the first ones (arg < 100) wait for go, then take 20 ms more. */
static void task(void *arg, struct outcome *out)
{
	long i = (long)(intptr_t)arg;
	drv_on_worker();
	atomic_fetch_add(&started, 1);
	if (i < 100) {
		event_wait(&go);
		wb_sleep_ns(20000000);
	}
	atomic_fetch_add(&ran[i % 100], 1);
	out->value = i;
}

static void wait_started(int n)
{
	while (atomic_load(&started) < n)
		wb_sleep_ns(100000);
}

static void *release(void *arg)
{
	(void)arg;
	wb_sleep_ns(100000000); /* 100 ms: shutdown must wait for this */
	event_set(&go);
	return NULL;
}

static void *nothing(void *arg)
{
	return arg;
}

static void check_join(int before)
{
	struct pool p;
	struct future *fs[8];
	pthread_t t;
	pool_init(&p, 4, 8);
	for (long i = 0; i < 8; i++) /* 4 run and wait, 4 queued */
		fs[i] = pool_submit(&p, task,
				    (void *)(intptr_t)(i < 4 ? i : 100 + i));
	wait_started(4);
	wb_check(pthread_create(&t, NULL, release, NULL), "pthread_create");
	pool_shutdown(&p, true, false);
	for (int i = 0; i < 8; i++)
		if (atomic_load(&ran[i]) != 1)
			drv_fail("shutdown(wait) returned while task %d had "
				 "%s",
				 i, i < 4 ? "not finished" : "not run");
	wb_check(pthread_join(t, NULL), "pthread_join");
	int after = drv_threads();
	printf("threads: %d before the pool, %d after shutdown(wait)\n", before,
	       after);
	if (after != before)
		drv_fail("%d worker threads are left after shutdown(wait): it "
			 "must join them",
			 after - before);
	for (long i = 0; i < 8; i++) {
		drv_expect(fs[i], 0, i < 4 ? i : 100 + i, "a task");
		future_free(fs[i]);
	}
	pool_free(&p);
}

static void check_cancel(int before)
{
	struct pool p;
	struct future *fs[4];
	pool_init(&p, 1, 8);
	fs[0] = pool_submit(&p, task, (void *)(intptr_t)0);
	wait_started(1); /* the one worker now waits in task 0 */
	for (long i = 1; i < 4; i++)
		fs[i] = pool_submit(&p, task, (void *)(intptr_t)(100 + i));
	pool_shutdown(&p, false, true);
	for (int i = 1; i < 4; i++) {
		if (!future_cancelled(fs[i]))
			drv_fail(
				"task %d was still queued at shutdown(cancel): "
				"its future must say cancelled",
				i);
		drv_expect(fs[i], ECANCELED, 0, "a cancelled task");
	}
	if (future_cancelled(fs[0]))
		drv_fail("task 0 was running: it must not be cancelled");
	if (pool_submit(&p, task, (void *)(intptr_t)104))
		drv_fail("pool_submit after shutdown must return NULL");
	event_set(&go);
	pool_shutdown(&p, true, false);
	drv_expect(fs[0], 0, 0, "the running task");
	for (int i = 1; i < 4; i++)
		if (atomic_load(&ran[i]))
			drv_fail("cancelled task %d ran", i);
	printf("3 queued tasks cancelled and never run, the running one "
	       "finished\n");
	if (drv_threads() != before)
		drv_fail("worker threads are left after shutdown(wait)");
	for (int i = 0; i < 4; i++)
		future_free(fs[i]);
	pool_free(&p);
}

int main(int argc, char **argv)
{
	drv_begin("pstop");
	bool join = argc == 2 && strcmp(argv[1], "join") == 0;
	if (!join && !(argc == 2 && strcmp(argv[1], "cancel") == 0))
		drv_fail("usage: pstop join|cancel");
	drv_deadline(3000, 1, "still waiting after 3 s");
	/* A first thread, started and joined, so that the threads a runtime
	 * starts along with it (ThreadSanitizer's) are in the count before. */
	pthread_t t;
	wb_check(pthread_create(&t, NULL, nothing, NULL), "pthread_create");
	wb_check(pthread_join(t, NULL), "pthread_join");
	int before = drv_threads();
	if (join)
		check_join(before);
	else
		check_cancel(before);
	puts("pstop: ok");
	return 0;
}
