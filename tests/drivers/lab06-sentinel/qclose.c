/* qclose.c: does queue_close end every wait, and only the waiting? Three
 * checks, one per argument: "getters" (8 threads asleep in get on an empty
 * queue), "putters" (3 asleep in put on a full one), "drain" (a closed
 * queue still hands out what it holds). Prints "qclose: ok" last. */
#include "drv.h"

#include <string.h>

#define GETTERS 8
#define PUTTERS 3
#define HELD    4 /* items in the queue when it is closed */

/* Starts n calls of fn on q, lets them fall asleep, closes q, and fails
 * unless each returns false within a second. */
static void close_on(struct queue *q, void *(*fn)(void *), int n,
		     const char *who)
{
	struct call c[GETTERS] = {{0}};
	for (int i = 0; i < n; i++) {
		c[i] = (struct call){.q = q, .it = {2, i}};
		drv_start(&c[i], fn);
	}
	drv_asleep(n, 200); /* a poller never sleeps: then go on anyway */
	queue_close(q);
	int done = drv_done(c, n, 1000);
	if (done < n)
		drv_fail("%d of %d threads waiting in %s still wait after "
			 "close: close must wake every waiter "
			 "(pthread_cond_broadcast), on both conditions",
			 n - done, n, who);
	for (int i = 0; i < n; i++)
		if (c[i].ok)
			drv_fail("%s returned true after close: on a closed "
				 "queue it must fail",
				 who);
	drv_join(c, n);
}

/* Expects get to hand out HELD items in order, then to say closed. */
static void drains(struct queue *q)
{
	struct item it;
	for (int i = 0; i < HELD; i++)
		if (!drv_get_now(q, &it, "get on a closed queue") ||
		    it.producer != 1 || it.seq != i)
			drv_fail(
				"a closed queue must still hand out, in order, "
				"the %d items it held (Python's "
				"shutdown(immediate=False)); item %d was lost",
				HELD, i);
	if (drv_get_now(q, &it, "get on a closed, empty queue"))
		drv_fail("get on a closed, empty queue returned true");
}

int main(int argc, char **argv)
{
	drv_name = "qclose";
	const char *mode = argc == 2 ? argv[1] : "";
	struct queue q;
	queue_init(&q, HELD);
	if (!strcmp(mode, "getters")) {
		close_on(&q, drv_get, GETTERS, "get on an empty queue");
	} else if (!strcmp(mode, "putters")) {
		for (int i = 0; i < HELD; i++)
			queue_put(&q, (struct item){1, i});
		close_on(&q, drv_put, PUTTERS, "put on a full queue");
		drains(&q);
	} else if (!strcmp(mode, "drain")) {
		for (int i = 0; i < HELD; i++)
			queue_put(&q, (struct item){1, i});
		queue_close(&q);
		struct call late = {.q = &q, .it = {3, 0}};
		drv_start(&late, drv_put);
		if (drv_done(&late, 1, 1000) < 1 || late.ok)
			drv_fail("a put on a closed queue must fail at once");
		drv_join(&late, 1);
		drains(&q);
	} else {
		fprintf(stderr, "usage: qclose getters|putters|drain\n");
		return 2;
	}
	queue_destroy(&q);
	puts("qclose: ok");
	return 0;
}
