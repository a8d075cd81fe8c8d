/* pingpong.h: two threads, or two processes, send one byte back and forth
 * over two pipes. Each round trip makes each side sleep in read and be
 * woken by the other: on one CPU that is two context switches a round. */
#ifndef PINGPONG_H
#define PINGPONG_H

#include <stdbool.h>
#include <stdint.h>

#include "pin.h"

struct side {
	long rounds;                 /* bytes this side got and answered */
	long voluntary, involuntary; /* its context switches (getrusage) */
	uint64_t cpus; /* CPUs it was seen on (sched_getcpu < 64) */
};

struct pong_result {
	double ns_per_round; /* one round trip, measured by the ping side */
	struct side ping, pong;
};

/* Runs rounds round trips between two threads, or (procs) this process's
 * thread and a child process; side i (ping 0, pong 1) is pinned to
 * pin_choose(allowed, pin, i). */
struct pong_result pingpong(bool procs, const cpu_set_t *allowed,
			    enum pin_mode pin, long rounds);

#endif
