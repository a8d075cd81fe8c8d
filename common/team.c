/* team.c: start n threads together and time them from the first start to
 * the last finish. */
#include <pthread.h>
#include <stdlib.h>

#include "wb.h"

struct member {
	pthread_barrier_t *start;
	void *(*fn)(void *);
	void *arg;
	uint64_t began, ended; /* this thread's own clock readings */
};

static void *run_member(void *p)
{
	struct member *m = p;
	/* Everyone, the timer included, waits here, so no thread gets a head
	 * start while the others are still being created. */
	pthread_barrier_wait(m->start);
	/* Each thread reads the clock itself: the creator may be scheduled
	 * late, after short work is already over. */
	m->began = wb_now_ns();
	void *result = m->fn(m->arg);
	m->ended = wb_now_ns();
	return result;
}

uint64_t wb_team_run(int n, void *(*fn)(void *), void *args, size_t size)
{
	pthread_barrier_t start;
	pthread_t *tids = wb_alloc((size_t)n * sizeof *tids);
	struct member *members = wb_alloc((size_t)n * sizeof *members);
	wb_check(pthread_barrier_init(&start, NULL, (unsigned)n + 1),
		 "pthread_barrier_init");
	for (int i = 0; i < n; i++) {
		members[i] = (struct member){.start = &start,
					     .fn = fn,
					     .arg = (char *)args + i * size};
		wb_check(
			pthread_create(&tids[i], NULL, run_member, &members[i]),
			"pthread_create");
	}
	pthread_barrier_wait(&start);
	uint64_t first = UINT64_MAX, last = 0;
	for (int i = 0; i < n; i++) {
		wb_check(pthread_join(tids[i], NULL), "pthread_join");
		first = members[i].began < first ? members[i].began : first;
		last = members[i].ended > last ? members[i].ended : last;
	}
	uint64_t elapsed = last - first;
	wb_check(pthread_barrier_destroy(&start), "pthread_barrier_destroy");
	free(members);
	free(tids);
	return elapsed;
}
