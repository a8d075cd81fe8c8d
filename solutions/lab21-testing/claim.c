/* claim.c: lab21, a check-then-act bug that plain runs almost never show,
 * and three ways to catch it: seeded perturbation, a deterministic
 * scheduler that tries every interleaving, and the sanitizers. Run:
 * make lab21, or claim --mode explore --steps 2. */
#include <pthread.h>
#include <stdio.h>

#include "search.h"
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
		atomic_fetch_add(&progress, 1); /* a round done: not stuck */
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
	struct claim_test t = {.fixed = code == 1,
			       .steps = (int)steps,
			       .csv = csv,
			       .progress = &progress};
	wb_watchdog_start(3000, &progress, stuck, NULL);
	switch (mode) {
	case -1: {
		report_run();
		long plain = rounds;
		rounds = rounds < 200 ? rounds : 200;
		seed = 1;
		report_run();
		rounds = plain;
		search_explore(&t);
		break;
	}
	case 0:
		report_run();
		break;
	case 1:
		search_stress(&t, seed, seeds);
		break;
	case 2:
		search_explore(&t);
		break;
	case 3:
		search_replay(&t, seed, schedule);
		break;
	}
	wb_watchdog_stop();
	return 0;
}
