/* idle.c: a thread blocked in pthread_cond_wait sleeps in the kernel and
 * uses no CPU; a thread that polls uses a whole core. The process's CPU
 * time while its threads wait tells the two apart, whatever the machine. */
#include <pthread.h>
#include <stdlib.h>

#include "idle.h"
#include "queue.h"
#include "wb.h"

static void *get_one(void *q)
{
	struct item it;
	queue_get(q, &it);
	return NULL;
}

static void *put_one(void *q)
{
	queue_put(q, (struct item){0, 0});
	return NULL;
}

/* Starts n threads running fn on q, and returns the CPU ns the process
 * uses in the next ms milliseconds, while they wait. */
static double cpu_while(struct queue *q, void *(*fn)(void *), long n, long ms,
			pthread_t *tids)
{
	for (long i = 0; i < n; i++)
		wb_check(pthread_create(&tids[i], NULL, fn, q),
			 "pthread_create");
	uint64_t before = wb_cpu_ns();
	wb_sleep_ns((uint64_t)ms * 1000000u);
	return (double)(wb_cpu_ns() - before) / 1e6;
}

static void join(pthread_t *tids, long n)
{
	for (long i = 0; i < n; i++)
		wb_check(pthread_join(tids[i], NULL), "pthread_join");
}

struct idle_cost idle_probe(long ms, long getters, long putters,
			    atomic_long *progress)
{
	struct idle_cost cost;
	struct queue q;
	struct item it;
	pthread_t *tids = wb_alloc(
		(size_t)(getters > putters ? getters : putters) * sizeof *tids);

	queue_init(&q, 1);
	cost.empty_ms = cpu_while(&q, get_one, getters, ms, tids);
	for (long i = 0; i < getters; i++) /* one item for each getter */
		queue_put(&q, (struct item){0, 0});
	join(tids, getters);
	atomic_fetch_add(progress, 1);

	queue_put(&q, (struct item){0, 0}); /* now the queue is full */
	cost.full_ms = cpu_while(&q, put_one, putters, ms, tids);
	for (long i = 0; i <= putters; i++) /* the filler and one each */
		queue_get(&q, &it);
	join(tids, putters);
	atomic_fetch_add(progress, 1);

	queue_destroy(&q);
	free(tids);
	return cost;
}
