/* drv.h: what lab16's test drivers share: a deadline, and many threads
 * that race to call next_chunk and log every chunk they get. Each driver
 * includes this file once, first. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_exit_group) in verdict.h */

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispatch.h"
#include "verdict.h"
#include "wb.h"

static void drv_late(int sig)
{
	(void)sig;
	static const char msg[] = ": FAIL: still running after 5 s: does "
				  "next_chunk return 0 once every index is "
				  "handed out?\n";
	if (write(STDOUT_FILENO, drv_name, strlen(drv_name)) < 0 ||
	    write(STDOUT_FILENO, msg, sizeof msg - 1) < 0)
		_exit(1);
	syscall(SYS_exit_group, 1);
}

static inline void drv_begin(const char *name)
{
	drv_name = name;
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGALRM, drv_late);
	alarm(5);
}

struct chunk {
	long begin, end, size; /* what next_chunk gave and returned */
};

/* One racing thread: calls next_chunk until it returns 0, logging each
 * chunk; at most cap of them (more would mean an index handed out twice). */
struct racer {
	struct dispatch *d;
	pthread_barrier_t *go;
	struct chunk *log;
	long count, cap;
	bool over; /* it got more than cap chunks */
};

static void *race(void *arg)
{
	struct racer *r = arg;
	pthread_barrier_wait(r->go); /* all start at once */
	long b = -7, e = -7, k;
	while ((k = next_chunk(r->d, &b, &e)) != 0) {
		if (r->count == r->cap) {
			r->over = true;
			break;
		}
		r->log[r->count++] = (struct chunk){b, e, k};
	}
	return NULL;
}

/* Runs t threads against d (n indices); returns every chunk handed out,
 * in one array, and their number in *count. Checks each index was handed
 * out exactly once and each chunk is well formed. */
static inline struct chunk *drv_race(struct dispatch *d, long n, int t,
				     long *count, const char *what)
{
	struct racer *rs = calloc((size_t)t, sizeof *rs);
	pthread_t *ids = calloc((size_t)t, sizeof *ids);
	pthread_barrier_t go;
	pthread_barrier_init(&go, NULL, (unsigned)t);
	for (int i = 0; i < t; i++) {
		rs[i] = (struct racer){.d = d, .go = &go, .cap = n + 1};
		rs[i].log = calloc((size_t)n + 1, sizeof *rs[i].log);
		wb_check(pthread_create(&ids[i], NULL, race, &rs[i]),
			 "pthread_create");
	}
	long total = 0;
	for (int i = 0; i < t; i++) {
		wb_check(pthread_join(ids[i], NULL), "pthread_join");
		if (rs[i].over)
			drv_fail("%s: one thread got more than %ld chunks for "
				 "%ld indices",
				 what, n + 1, n);
		total += rs[i].count;
	}
	struct chunk *all = calloc((size_t)total + 1, sizeof *all);
	unsigned char *seen = calloc((size_t)n, 1);
	long k = 0;
	for (int i = 0; i < t; i++) {
		memcpy(all + k, rs[i].log, (size_t)rs[i].count * sizeof *all);
		k += rs[i].count;
		free(rs[i].log);
	}
	for (long c = 0; c < total; c++) {
		struct chunk *ch = &all[c];
		if (ch->begin < 0 || ch->end > n || ch->begin >= ch->end)
			drv_fail("%s: a chunk [%ld, %ld) is empty or out of "
				 "0 .. %ld",
				 what, ch->begin, ch->end, n);
		if (ch->size != ch->end - ch->begin)
			drv_fail("%s: next_chunk returned %ld for the chunk "
				 "[%ld, %ld): it must return its size",
				 what, ch->size, ch->begin, ch->end);
		for (long i = ch->begin; i < ch->end; i++)
			if (seen[i]++)
				drv_fail("%s: index %ld was handed out twice "
					 "(%d threads racing): claim the chunk "
					 "in one atomic step",
					 what, i, t);
	}
	for (long i = 0; i < n; i++)
		if (!seen[i])
			drv_fail("%s: index %ld was never handed out", what, i);
	free(seen);
	pthread_barrier_destroy(&go);
	free(ids);
	free(rs);
	*count = total;
	return all;
}

#endif
