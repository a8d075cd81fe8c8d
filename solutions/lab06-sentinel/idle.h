/* idle.h: how much CPU do threads use while they wait on a queue? */
#ifndef IDLE_H
#define IDLE_H

#include <stdatomic.h>

struct idle_cost {
	double empty_ms; /* CPU used while getters waited on an empty queue */
	double full_ms;  /* CPU used while putters waited on a full queue */
};

/* Lets `getters` threads wait in queue_get on an empty queue for ms
 * milliseconds, then `putters` threads wait in queue_put on a full one for
 * as long, and returns the process's CPU time in each wait. Bumps
 * *progress when each wait is over. */
struct idle_cost idle_probe(long ms, long getters, long putters,
			    atomic_long *progress);

#endif
