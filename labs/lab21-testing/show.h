/* show.h: what explore, stress and replay run: one schedule of the claim
 * under the deterministic scheduler, and its steps printed one a line. */
#ifndef SHOW_H
#define SHOW_H

#include <stdatomic.h>
#include <stdbool.h>

#include "slot.h"

/* The claim under test, as the options chose it. */
struct claim_test {
	bool fixed;            /* slot_claim_fixed, else slot_claim_racy */
	int steps;             /* steps of each thread: 2 to EX_MAX_K */
	bool csv;              /* CSV rows instead of sentences */
	atomic_long *progress; /* one more per run, for the watchdog */
};

/* The slot logged its steps in the order of sched (len steps). */
bool show_followed(const struct slot *s, const int *sched, int len);

/* Runs sched (2 * c->steps steps) and prints it under the title name,
 * step by step, then how many threads think they own the slot. */
void show_schedule(const struct claim_test *c, const int *sched,
		   const char *name);

#endif
