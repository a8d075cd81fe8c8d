/* workers.h: lab06's producer and consumer threads, and the state of one
 * run that they share with main and with the watchdog's report. */
#ifndef WORKERS_H
#define WORKERS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

#include "idle.h"
#include "queue.h"
#include "tally.h"

#define SENTINEL (-1) /* the producer of a sentinel: nobody */
#define LATE     (-2) /* the producer of main's put after close */

struct worker {
	struct run *run;
	int id;
	pthread_t tid;
	atomic_long items; /* items it put (producer) or got (consumer) */
	atomic_bool done;  /* its loop has ended */
};

/* Where main is, for the watchdog's report. */
enum phase { PROBING, PRODUCING, STOPPING, DRAINING };

struct run {
	struct queue q;
	struct tally tally;
	long producers, consumers, items; /* items per producer */
	long sentinels;                   /* -1 with --shutdown close */
	struct worker *prod, *cons;
	atomic_long progress;      /* bumped on every put and get: the watchdog
				      sees a stall as no change for a while */
	atomic_int phase;          /* an enum phase */
	atomic_long sentinels_put; /* by main, so far */
	long spurious_us;          /* the nudger's period, 0 for no nudger */
	pthread_t nudger;
	atomic_bool stop_nudging;

	/* What main measured, for the summary. */
	long idle_ms;          /* how long the probe let threads wait, or 0 */
	struct idle_cost idle; /* the CPU that cost */
	double ms;             /* from starting the workers to the last join */
	bool late_refused;     /* close: a put after close failed, as it must */
};

/* Starts the consumers, then the producers. */
void workers_start(struct run *r);
/* Joins the n workers of w. */
void workers_join(struct worker *w, long n);
/* A thread that wakes every waiter of r->q for no reason, every
 * r->spurious_us microseconds, until nudger_stop. */
void nudger_start(struct run *r);
void nudger_stop(struct run *r);
/* The watchdog's report: what main and each unfinished worker wait for. */
void workers_report(FILE *out, void *run);

#endif
