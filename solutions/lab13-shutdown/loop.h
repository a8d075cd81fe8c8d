/* loop.h: the supervisor's state and loop (loop.c), shared with the
 * program (super.c) that parses the options and reports. */
#ifndef LOOP_H
#define LOOP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "shutdown.h"

#define MAX_WORKERS 16
#define STEP_MS     20 /* one step of a worker's work */

struct slot {
	struct worker w;
	uint64_t restart_at; /* ns; 0: no restart waits */
	int restarts;        /* restarts so far */
	struct startlog log; /* for the give-up rule */
	bool gave_up;
};
extern struct slot slot[MAX_WORKERS];
/* The options (super.c sets them). */
extern long workers, crash_every, max_restarts, window_ms, run_ms;
extern bool ignores_term, csv;
extern atomic_long progress; /* the loop's turns, for the watchdog */

long ms_now(void); /* ms since the loop started */
/* One event of worker i: a CSV row, or a line of text. */
void note(int i, const char *event, long detail, const char *text);
/* Starts the workers, restarts crashed ones; returns on SIGINT or SIGTERM:
 * the signal, or 0 for the SIGTERM it sent itself after run_ms. */
int supervise(int sfd);

#endif
