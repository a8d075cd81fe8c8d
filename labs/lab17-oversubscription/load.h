/* load.h: a team of threads doing one kind of operation over and over for
 * a fixed time; how many operations they got done per second. */
#ifndef LOAD_H
#define LOAD_H

#include <stdatomic.h>
#include <stdint.h>

#include "pin.h"

enum load_kind {
	LOAD_CPU,   /* compute: wb_burn */
	LOAD_LOCK,  /* compute holding a spin lock (step_long) */
	LOAD_SHORT, /* compute, then lock only to add (step_short) */
	LOAD_IO,    /* wait (a sleep, as for a disk or the network), compute */
};

struct load {
	enum load_kind kind;
	int threads;
	const cpu_set_t *allowed; /* where the threads may be pinned */
	enum pin_mode pin;
	long ms;        /* how long the team runs */
	uint64_t units; /* wb_burn's n for one operation's computing */
	long io_us;     /* LOAD_IO: the wait of one operation */
};

struct load_result {
	double ops_per_s; /* operations finished, per second */
	long ops;
	long lost; /* lock demos: steps the tally missed (0) */
	long voluntary, involuntary; /* context switches of the process */
};

/* Bumped as work gets done, for the watchdog. */
extern atomic_long oversub_progress;

/* Runs the team for l->ms milliseconds. */
struct load_result load_run(const struct load *l);

#endif
