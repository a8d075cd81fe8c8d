/* search.h: the modes that run the claim under the deterministic
 * scheduler, over explore.h's schedules: every one (explore), one per seed
 * (stress), or one of them again (replay). */
#ifndef SEARCH_H
#define SEARCH_H

#include "explore.h"
#include "show.h"

/* Runs every schedule, then prints the counts and, step by step, the
 * failing schedule with the fewest switches (c->csv: a row per schedule). */
void search_explore(const struct claim_test *c);

/* Runs the schedules of seeds seed to seed + seeds - 1 (seed 0: from 1)
 * and prints how many fail and the first failing seed. */
void search_stress(const struct claim_test *c, long seed, long seeds);

/* Runs the schedule of seed, or else schedule number `schedule` in
 * explore's order, and prints it step by step. */
void search_replay(const struct claim_test *c, long seed, long schedule);

#endif
