/* search.c: explore tries every schedule of the claim, stress the schedule
 * of each seed, replay one of them again; the deterministic scheduler makes
 * a failing schedule fail every time it runs. */
#include <stdio.h>

#include "search.h"

struct tally {
	const struct claim_test *c;
	long runs, failed, in_order, first; /* first: index of the best */
	int best_switches;
	int best[2 * EX_MAX_K];
};

static void try_one(const int *sched, int len, void *arg)
{
	struct tally *t = arg;
	const struct claim_test *c = t->c;
	struct slot s;
	bool bad = ex_run_slot(&s, c->fixed, c->steps, sched, c->progress) != 1;
	t->runs++;
	t->in_order += show_followed(&s, sched, len);
	slot_destroy(&s);
	if (c->csv) {
		char l[2 * EX_MAX_K + 1];
		ex_letters(sched, len, l);
		printf("%ld,%s,%d,%d\n", t->runs, l, ex_switches(sched, len),
		       bad);
	}
	if (!bad)
		return;
	t->failed++;
	int sw = ex_switches(sched, len);
	if (t->failed == 1 || sw < t->best_switches) {
		t->best_switches = sw;
		t->first = t->runs;
		for (int i = 0; i < len; i++)
			t->best[i] = sched[i];
	}
}

static const char *code(const struct claim_test *c)
{
	return c->fixed ? "fixed" : "racy";
}

void search_explore(const struct claim_test *c)
{
	struct tally t = {.c = c};
	if (c->csv)
		printf("schedule,order,switches,failed\n");
	ex_enumerate(c->steps, try_one, &t);
	if (c->csv)
		return;
	printf("explore (%s code): 2 threads x %d steps: C(%d, %d) = %ld "
	       "interleavings, %ld run, %ld fail, %ld pass\n",
	       code(c), c->steps, 2 * c->steps, c->steps, ex_count(c->steps),
	       t.runs, t.failed, t.runs - t.failed);
	printf("the steps ran in their schedule's order in %ld of %ld runs%s\n",
	       t.in_order, t.runs,
	       t.in_order == t.runs ? "" : ": the scheduler does not hand off");
	if (!t.failed)
		return;
	char name[96];
	snprintf(name, sizeof name,
		 "fewest switches in a failing one: schedule %ld,", t.first);
	show_schedule(c, t.best, name);
}

void search_stress(const struct claim_test *c, long seed, long seeds)
{
	long first = 0, failed = 0;
	int sched[2 * EX_MAX_K], len = 2 * c->steps;
	if (!seed)
		seed = 1;
	if (c->csv)
		printf("seed,order,failed\n");
	for (long i = seed; i < seed + seeds; i++) {
		struct slot s;
		ex_seed_schedule((uint64_t)i, c->steps, sched);
		bool bad = ex_run_slot(&s, c->fixed, c->steps, sched,
				       c->progress) != 1;
		slot_destroy(&s);
		failed += bad;
		if (bad && !first)
			first = i;
		if (c->csv) {
			char l[2 * EX_MAX_K + 1];
			ex_letters(sched, len, l);
			printf("%ld,%s,%d\n", i, l, bad);
		}
	}
	if (c->csv)
		return;
	printf("stress (%s code): seeds %ld to %ld: %ld fail\n", code(c), seed,
	       seed + seeds - 1, failed);
	if (first)
		printf("first failing seed: %ld (again: --mode replay --steps "
		       "%d --seed %ld)\n",
		       first, c->steps, first);
	else
		printf("no failing seed\n");
}

void search_replay(const struct claim_test *c, long seed, long schedule)
{
	int sched[2 * EX_MAX_K];
	char name[64];
	if (seed) {
		ex_seed_schedule((uint64_t)seed, c->steps, sched);
		snprintf(name, sizeof name, "replay of seed %ld:", seed);
	} else {
		ex_nth(c->steps, schedule, sched);
		snprintf(name, sizeof name,
			 "replay of schedule %ld:", schedule);
	}
	show_schedule(c, sched, name);
}
