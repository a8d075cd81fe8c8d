/* yield.h: the yield points of the code under test, and the seeded random
 * numbers that decide what happens at them. */
#ifndef YIELD_H
#define YIELD_H

#include <stdint.h>

/* A place where another thread may run next. Under the deterministic
 * scheduler it ends the step (ds_yield); in a thread that called
 * yield_perturb it may call sched_yield or sleep a little, as the thread's
 * seeded generator says; otherwise it does nothing. */
void yield_point(void);

/* From now on this thread's yield points are perturbed, chosen by a
 * generator seeded with seed (0: no perturbation). */
void yield_perturb(uint64_t seed);

/* splitmix64: the next number of the sequence kept in *state. The same
 * seed gives the same numbers on every machine. */
uint64_t yield_rand(uint64_t *state);

#endif
