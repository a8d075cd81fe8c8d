/* claim.c: lab21, a check-then-act bug that plain runs almost never show,
 * and three ways to catch it: seeded perturbation, a deterministic
 * scheduler that tries every interleaving, and the sanitizers. Run:
 * make lab21, or claim --mode explore --steps 2. */
#include <pthread.h>
#include <stdio.h>

#include "explore.h"
#include "wb.h"
#include "yield.h"

static const char *const modes[] = {"run", "stress", "explore", "replay", NULL};
static const char *const codes[] = {"racy", "fixed", NULL};
static int mode = -1, code; /* -1: the demo, run then explore */
static long steps = 3, seed, seeds = 100, schedule, rounds = 1000;
static bool csv;
static atomic_long progress;

static void stuck(FILE *out, void *arg)
{
	(void)arg;
	fprintf(out, "claim: the threads wait for a baton that never comes:"
		     " a lock held across a yield point?\n");
}

/* One round on real threads: both claim at once. */
struct real {
	struct slot *s;
	int me;
	long round;
};

static void *claimer(void *arg)
{
	struct real *r = arg;
	/* Each thread and round its own stream, all fixed by the seed. */
	yield_perturb(seed ? (uint64_t)seed * 1000003u +
				      (uint64_t)r->round * 2 + (uint64_t)r->me
			   : 0);
	if (code)
		slot_claim_fixed(r->s, r->me, (int)steps);
	else
		slot_claim_racy(r->s, r->me, (int)steps);
	return NULL;
}

static long run_real(void)
{
	long twice = 0;
	for (long round = 0; round < rounds; round++) {
		struct slot s;
		struct real r[SLOT_THREADS];
		pthread_t t[SLOT_THREADS];
		slot_init(&s);
		for (int i = 0; i < SLOT_THREADS; i++) {
			r[i] = (struct real){&s, i, round};
			wb_check(pthread_create(&t[i], NULL, claimer, &r[i]),
				 "pthread_create");
		}
		for (int i = 0; i < SLOT_THREADS; i++)
			wb_check(pthread_join(t[i], NULL), "pthread_join");
		twice += slot_winners(&s) != 1;
		slot_destroy(&s);
	}
	return twice;
}

static void report_run(void)
{
	long twice = run_real();
	if (csv) {
		printf("mode,code,steps,seed,rounds,failed\n");
		printf("run,%s,%ld,%ld,%ld,%ld\n", codes[code], steps, seed,
		       rounds, twice);
		return;
	}
	if (seed)
		printf("seeded run (seed %ld: yields and sleeps at the yield "
		       "points): %ld rounds, %ld claimed twice\n",
		       seed, rounds, twice);
	else
		printf("plain run: %ld rounds of 2 threads claiming one slot "
		       "(%ld steps each): %ld claimed twice\n",
		       rounds, steps, twice);
}

/* Prints the steps of a run, one a line, as the slot logged them. */
static void print_steps(const struct slot *s)
{
	static const char *const what[] = {"check", "prepare", "claim",
					   "give up"};
	int n = s->nlog < SLOT_LOG ? s->nlog : SLOT_LOG;
	for (int i = 0; i < n; i++) {
		const struct slot_event *e = &s->log[i];
		printf("  %2d  %c  %s", i + 1, 'A' + e->thread, what[e->what]);
		if (e->what == SLOT_CHECK)
			printf("    sees the slot %s",
			       e->owner ? "taken" : "free");
		else if (e->what != SLOT_PREPARE)
			printf("%*sslot = %c", e->what == SLOT_CLAIM ? 4 : 2,
			       "", 'A' + e->owner - 1);
		printf("\n");
	}
	int w = slot_winners(s);
	printf("  %d thread%s think%s %s own%s the slot: %s\n", w,
	       w == 1 ? "" : "s", w == 1 ? "s" : "", w == 1 ? "it" : "they",
	       w == 1 ? "s" : "", w == 1 ? "right" : "FAILED");
}

/* The slot logged its steps in the scheduled order. */
static bool followed(const struct slot *s, const int *sched, int len)
{
	if (s->nlog != len)
		return false;
	for (int i = 0; i < len; i++)
		if (s->log[i].thread != sched[i])
			return false;
	return true;
}

struct tally {
	long runs, failed, in_order, first; /* first: index of the best */
	int best_switches;
	int best[2 * EX_MAX_K];
};

static void try_one(const int *sched, int len, void *arg)
{
	struct tally *t = arg;
	struct slot s;
	bool bad = ex_run_slot(&s, code, (int)steps, sched, &progress) != 1;
	t->runs++;
	t->in_order += followed(&s, sched, len);
	slot_destroy(&s);
	if (csv) {
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

/* Runs one schedule and prints it step by step. */
static void show(const int *sched, const char *name)
{
	struct slot s;
	char l[2 * EX_MAX_K + 1];
	int len = 2 * (int)steps;
	ex_letters(sched, len, l);
	ex_run_slot(&s, code, (int)steps, sched, &progress);
	printf("%s %s (%d switches), step by step:\n", name, l,
	       ex_switches(sched, len));
	print_steps(&s);
	if (!followed(&s, sched, len))
		printf("  (the steps did not run in the scheduled order)\n");
	slot_destroy(&s);
}

static void explore(void)
{
	struct tally t = {0};
	if (csv)
		printf("schedule,order,switches,failed\n");
	ex_enumerate((int)steps, try_one, &t);
	if (csv)
		return;
	printf("explore (%s code): 2 threads x %ld steps: C(%ld, %ld) = %ld "
	       "interleavings, %ld run, %ld fail, %ld pass\n",
	       codes[code], steps, 2 * steps, steps, ex_count((int)steps),
	       t.runs, t.failed, t.runs - t.failed);
	printf("the steps ran in their schedule's order in %ld of %ld runs%s\n",
	       t.in_order, t.runs,
	       t.in_order == t.runs ? "" : ": the scheduler does not hand off");
	if (!t.failed)
		return;
	char name[96];
	snprintf(name, sizeof name,
		 "fewest switches in a failing one: schedule %ld,", t.first);
	show(t.best, name);
}

static void stress(void)
{
	long first = 0, failed = 0;
	int sched[2 * EX_MAX_K], len = 2 * (int)steps;
	if (!seed)
		seed = 1;
	if (csv)
		printf("seed,order,failed\n");
	for (long i = seed; i < seed + seeds; i++) {
		struct slot s;
		ex_seed_schedule((uint64_t)i, (int)steps, sched);
		bool bad = ex_run_slot(&s, code, (int)steps, sched,
				       &progress) != 1;
		slot_destroy(&s);
		failed += bad;
		if (bad && !first)
			first = i;
		if (csv) {
			char l[2 * EX_MAX_K + 1];
			ex_letters(sched, len, l);
			printf("%ld,%s,%d\n", i, l, bad);
		}
	}
	if (csv)
		return;
	printf("stress (%s code): seeds %ld to %ld: %ld fail\n", codes[code],
	       seed, seed + seeds - 1, failed);
	if (first)
		printf("first failing seed: %ld (again: --mode replay --steps "
		       "%ld --seed %ld)\n",
		       first, steps, first);
	else
		printf("no failing seed\n");
}

static void replay(void)
{
	int sched[2 * EX_MAX_K];
	char name[64];
	if (seed) {
		ex_seed_schedule((uint64_t)seed, (int)steps, sched);
		snprintf(name, sizeof name, "replay of seed %ld:", seed);
	} else {
		ex_nth((int)steps, schedule, sched);
		snprintf(name, sizeof name,
			 "replay of schedule %ld:", schedule);
	}
	show(sched, name);
}

int main(int argc, char **argv)
{
	struct wb_opt opts[] = {
		WB_CHOICE("mode", &mode, modes,
			  "default: a plain run, a seeded run, then explore"),
		WB_CHOICE("code", &code, codes,
			  "the claim to test: the bug, or your fix"),
		WB_INT("steps", &steps, 2, EX_MAX_K, "steps of each thread"),
		WB_INT("seed", &seed, 1, 1000000000,
		       "run: perturb with this seed; stress: first seed; "
		       "replay: the seed to replay"),
		WB_INT("seeds", &seeds, 1, 100000, "stress: how many seeds"),
		WB_INT("schedule", &schedule, 1, 12870,
		       "replay: this interleaving, numbered as explore does"),
		WB_INT("rounds", &rounds, 1, 100000,
		       "run: rounds of 2 threads"),
		WB_FLAG("csv", &csv, "print CSV rows"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "claim",
		 "a check-then-act bug, caught by perturbation, exploration "
		 "and replay",
		 opts);
	if (schedule && mode != 3)
		wb_usage_error("--schedule: only with --mode replay");
	if (mode == 3 && !seed == !schedule)
		wb_usage_error("--mode replay: give --seed or --schedule");
	if (schedule > ex_count((int)steps))
		wb_usage_error("--schedule: expected an integer from 1 to %ld "
			       "for --steps %ld",
			       ex_count((int)steps), steps);
	wb_watchdog_start(3000, &progress, stuck, NULL);
	switch (mode) {
	case -1: {
		report_run();
		long plain = rounds;
		rounds = rounds < 200 ? rounds : 200;
		seed = 1;
		report_run();
		rounds = plain;
		explore();
		break;
	}
	case 0:
		report_run();
		break;
	case 1:
		stress();
		break;
	case 2:
		explore();
		break;
	case 3:
		replay();
		break;
	}
	wb_watchdog_stop();
	return 0;
}
