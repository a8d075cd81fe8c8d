/* ds.h: a deterministic scheduler, in the spirit of CHESS and Loom. It runs
 * real threads, but one at a time: a thread runs until its next yield point
 * (ds_yield) or its end, then hands the baton to the thread the schedule
 * names next. So a schedule fixes the interleaving, and the same schedule
 * gives the same run, every time. */
#ifndef DS_H
#define DS_H

#include <pthread.h>
#include <stdbool.h>

#define DS_MAX_THREADS 8
#define DS_MAX_STEPS   64 /* longest schedule */

typedef void ds_body(int id, void *arg);

struct ds {
	pthread_mutex_t lock;
	pthread_cond_t turn; /* the baton moved */
	int baton;           /* the one thread allowed to run; -1: none */
	int n;               /* threads */
	bool done[DS_MAX_THREADS];
	const int *schedule; /* schedule[pos] runs the next step */
	int len, pos;
	ds_body *body;
	void *arg;
};

/* Runs body(i, arg) for i < n, each on a thread of its own, one step at a
 * time: step j (counted over all threads) is run by thread schedule[j].
 * A thread's steps are what it runs between its start, its ds_yield calls
 * and its end. An entry that names a finished thread is skipped; when the
 * schedule runs out, the lowest-numbered unfinished thread goes on.
 * Returns once every thread has ended. */
void ds_run(int n, ds_body *body, void *arg, const int *schedule, int len);

/* A yield point: ends the calling thread's step and waits for its next
 * turn. Does nothing in a thread that ds_run did not start. */
void ds_yield(void);

/* The thread runs under ds_run. */
bool ds_active(void);

#endif
