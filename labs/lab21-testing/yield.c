/* yield.c: what a yield point does. It lives in a file of its own so that
 * the tests can take it over (-Wl,--wrap=yield_point). */
#define _GNU_SOURCE /* sched_yield is POSIX; this keeps <sched.h> simple */
#include <sched.h>

#include "ds.h"
#include "wb.h"
#include "yield.h"

static _Thread_local uint64_t rng; /* 0: no perturbation */

uint64_t yield_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void yield_perturb(uint64_t seed)
{
	rng = seed;
}

void yield_point(void)
{
	if (ds_active()) {
		ds_yield();
		return;
	}
	if (!rng)
		return;
	/* A quarter each: run on, give up the CPU, sleep 20 us or 100 us.
	 * Sleeps long against a step, so the other thread gets in. */
	switch (yield_rand(&rng) % 4) {
	case 1:
		sched_yield();
		break;
	case 2:
		wb_sleep_ns(20000);
		break;
	case 3:
		wb_sleep_ns(100000);
		break;
	}
}
