/* explore.h: schedules for two threads of k steps each, and the slot run
 * under the deterministic scheduler with one of them. A schedule is a list
 * of thread numbers, one per step: {0, 0, 1, 0, 1, 1} is "AABABB". */
#ifndef EXPLORE_H
#define EXPLORE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "slot.h"

#define EX_MAX_K 8 /* C(16, 8) = 12870 schedules */

/* C(2k, k): the interleavings of two threads of k steps. */
long ex_count(int k);

/* Calls each(schedule, 2k, arg) for every interleaving of two threads of
 * k steps, in dictionary order (A before B); returns how many there were. */
long ex_enumerate(int k, void (*each)(const int *sched, int len, void *arg),
		  void *arg);

/* Schedule number `index` (from 1) in ex_enumerate's order. */
void ex_nth(int k, long index, int *sched);

/* The schedule seed stands for: a pure function of the seed. The running
 * thread goes on, or (one time in three) yields to the other. */
void ex_seed_schedule(uint64_t seed, int k, int *sched);

/* How often the schedule switches threads. */
int ex_switches(const int *sched, int len);

/* Writes "AABABB" into out (2k + 1 bytes). */
void ex_letters(const int *sched, int len, char *out);

/* Runs both threads' claims (fixed or racy, k steps) under the
 * deterministic scheduler with sched, into s (slot_init'ed here; the
 * caller calls slot_destroy). Returns how many threads won: 1 is right.
 * Adds 1 to *progress, for a watchdog. */
int ex_run_slot(struct slot *s, bool fixed, int k, const int *sched,
		atomic_long *progress);

#endif
