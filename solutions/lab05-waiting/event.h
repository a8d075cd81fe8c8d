/* event.h: Python's threading.Event built from a mutex and a condition
 * variable: a flag that threads wait for. set wakes every waiter; clear
 * lowers the flag again; wait can give up after a timeout. */
#ifndef EVENT_H
#define EVENT_H

#include <pthread.h>
#include <stdbool.h>

struct event {
	bool flag;              /* set or not */
	pthread_mutex_t lock;   /* guards flag */
	pthread_cond_t changed; /* waiters sleep here; its clock is
				   CLOCK_MONOTONIC (see event_init) */
};

void event_init(struct event *e);
void event_destroy(struct event *e); /* no thread may be using e */
void event_set(struct event *e);     /* raises the flag, wakes all waiters */
void event_clear(struct event *e);   /* lowers the flag */

/* Waits until the flag is up, at most ms milliseconds (ms < 0: no limit).
 * Returns the flag: true once set, false if the time ran out first, as
 * Python's Event.wait(timeout) does. */
bool event_wait(struct event *e, long ms);

#endif
