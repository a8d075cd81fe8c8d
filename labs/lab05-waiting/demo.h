/* demo.h: the five demonstrations waiting.c runs, one per primitive, and
 * what they share: the sizes from the command line and the watchdog's
 * view of where the program is. */
#ifndef DEMO_H
#define DEMO_H

#include <stdatomic.h>

struct sizes {
	long threads;    /* threads that share the primitive */
	long rounds;     /* rounds through the semaphore and the barrier */
	long bound;      /* places in the semaphore */
	long timeout_ms; /* the event's timed wait */
};

extern atomic_long demo_progress;    /* moves on while the demo does */
extern const char *_Atomic demo_now; /* what it is doing, for the watchdog */

void demo_event(const struct sizes *z);
void demo_condition(const struct sizes *z);
void demo_semaphore(const struct sizes *z);
void demo_barrier(const struct sizes *z);
void demo_rlock(const struct sizes *z);

/* Runs fn(arg) on n threads and joins them. */
void demo_team(long n, void *(*fn)(void *), void *arg);

#endif
