/* porder.c map|ascompleted: are the results in the right order when the
 * tasks finish in an order the driver forces? Each task waits for an
 * event; map must give submission order, as_completed completion order.
 * Prints "porder: ok" last. */
#include "drv.h"

#define N 6

static struct event go[N]; /* task i may finish */
static atomic_int finished[N];
static int order[N] = {3, 0, 5, 1, 4, 2}; /* as_completed's forced order */

void __real_future_set(struct future *f, const struct outcome *o);
void __wrap_future_set(struct future *f, const struct outcome *o);

/* Task i's future is set: then (map) task i - 1 may finish. */
void __wrap_future_set(struct future *f, const struct outcome *o)
{
	__real_future_set(f, o);
	long i = o->value / 10;
	if (o->value % 10 == 7 && i >= 0 && i < N)
		atomic_store(&finished[i], 1);
}

static void task(void *arg, struct outcome *out)
{
	long i = (long)(intptr_t)arg;
	drv_on_worker();
	event_wait(&go[i]);
	out->value = i * 10 + 7;
}

/* map: task i waits until task i + 1's future is set: they finish in the
 * reverse order, N - 1 first. */
static void *release_backwards(void *arg)
{
	(void)arg;
	for (int i = N - 1; i >= 0; i--) {
		event_set(&go[i]);
		while (!atomic_load(&finished[i]))
			wb_sleep_ns(100000);
	}
	return NULL;
}

static void check_map(struct pool *p)
{
	void *args[N];
	struct outcome out[N];
	pthread_t t;
	for (long i = 0; i < N; i++)
		args[i] = (void *)(intptr_t)i;
	wb_check(pthread_create(&t, NULL, release_backwards, NULL),
		 "pthread_create");
	pool_map(p, task, args, N, out);
	wb_check(pthread_join(t, NULL), "pthread_join");
	for (int i = 0; i < N; i++) {
		printf("map: out[%d] = %ld (task %d finished %s)\n", i,
		       out[i].value, i, i == N - 1 ? "first" : "later");
		if (out[i].err || out[i].value != i * 10 + 7)
			drv_fail("map: out[%d] must be the outcome of task %d "
				 "(%d), whatever order they finish in; it is "
				 "%ld (error %d)",
				 i, i, i * 10 + 7, out[i].value, out[i].err);
	}
}

static int next; /* callbacks so far */
static struct future *fs[N];

/* as_completed's callback: f must be the task the driver let finish; it
 * then lets the next one in order finish. */
static void each(struct future *f, void *arg)
{
	(void)arg;
	int want = order[next], got = -1;
	for (int i = 0; i < N; i++)
		if (fs[i] == f)
			got = i;
	printf("as_completed: #%d is task %d\n", next, got);
	if (got != want)
		drv_fail("as_completed handed out task %d as #%d; only task %d "
			 "had finished",
			 got, next, want);
	if (++next < N)
		event_set(&go[order[next]]);
}

static void check_as_completed(struct pool *p)
{
	for (long i = 0; i < N; i++)
		fs[i] = pool_submit(p, task, (void *)(intptr_t)i);
	event_set(&go[order[0]]);
	as_completed(fs, N, each, NULL);
	if (next != N)
		drv_fail("as_completed called back %d times for %d futures",
			 next, N);
	for (int i = 0; i < N; i++)
		future_free(fs[i]);
}

int main(int argc, char **argv)
{
	drv_begin("porder");
	bool map = argc == 2 && strcmp(argv[1], "map") == 0;
	if (!map && !(argc == 2 && strcmp(argv[1], "ascompleted") == 0))
		drv_fail("usage: porder map|ascompleted");
	drv_deadline(3000, 1, "still waiting after 3 s: %s",
		     map ? "map must wait for each task in turn"
			 : "as_completed must hand out each future as soon "
			   "as it is over, here in the order 3 0 5 1 4 2");
	struct pool p;
	pool_init(&p, N, N); /* all N wait at once */
	if (map)
		check_map(&p);
	else
		check_as_completed(&p);
	pool_shutdown(&p, true, false);
	pool_free(&p);
	puts("porder: ok");
	return 0;
}
