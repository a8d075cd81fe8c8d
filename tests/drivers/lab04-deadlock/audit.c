/* audit.c: lab04's test driver. It calls the tree's transfer_ordered or
 * transfer_trylock on known transfers and checks every balance itself;
 * spy.h sees the tree's mutex calls and sleeps, makes tellers collide and
 * records the lock order; watch.h ends a run that deadlocks or livelocks.
 * Run: audit moves|order|collide|retries|races ordered|trylock
 * Ends with "audit: pass" (exit 0) or "audit: FAIL" (exit 1, or 3 when a
 * run cannot finish). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spy.h"
#include "watch.h"

enum { START = 1000000, STEPS = 200 }; /* opening balance; crowd's transfers */

struct plan {
	int from, to;
	long amount;
};

static transfer_fn *transfer;
static atomic_long done;               /* transfers finished, for the watch */
static atomic_long finished[MAX_TEAM]; /* by each teller */
static bool rounds; /* each teller waits for the others after a transfer */
static const struct plan *plans;
static int steps;

/* Lockstep: waits until every teller has finished k transfers. */
static void next_round(long k)
{
	set_state(PARKED);
	for (int i = 0; i < spy.n; i++)
		for (int spin = 0; LOAD(finished[i]) < k; spin++)
			idle(spin);
	set_state(RUNNING);
}

static void *work(void *arg)
{
	struct teller *t = arg;
	spy_start(t->id);
	for (int k = 0; k < steps; k++) {
		const struct plan *p = &plans[t->id * steps + k];
		transfer(t, p->from, p->to, p->amount);
		/* Under ThreadSanitizer these are relaxed: no happens-before
		 * between tellers but through the tree's own locks. */
		ADD(done, 1);
		ADD(finished[t->id], 1);
		if (rounds)
			next_round(k + 1);
	}
	spy_stop();
	return NULL;
}

/* Runs n tellers, teller i doing plan[i * k .. i * k + k - 1], on a bank of
 * `accounts` that open with START each. Returns true if every balance is
 * START plus what the plans pay in, minus what they pay out; if not, and
 * `say`, says which is not. */
static bool run(const char *what, int n, int accounts, const struct plan *plan,
		int k, bool collide, bool say)
{
	struct bank b = {.accounts = accounts, .threads = n, .strategy = what};
	long want[MAX_ACCOUNTS];
	open_bank(&b);
	for (int a = 0; a < accounts; a++)
		b.balance[a] = want[a] = START;
	for (int i = 0; i < n * k; i++) {
		want[plan[i].from] -= plan[i].amount;
		want[plan[i].to] += plan[i].amount;
	}
	plans = plan, steps = k;
	for (int i = 0; i < n; i++)
		atomic_init(&finished[i], 0);
	watch_open(&b, collide);
	wb_team_run(n, work, b.tellers, sizeof *b.tellers);
	spy_close(&b);
	bool ok = true;
	for (int a = 0; a < accounts; a++) {
		if (b.balance[a] != want[a] && say)
			printf("%s: account %d holds %ld, expected %ld\n", what,
			       a, b.balance[a], want[a]);
		ok &= b.balance[a] == want[a];
	}
	close_bank(&b);
	if (ok && n > 1)
		printf("%s: %d tellers x %d transfers, every balance right\n",
		       what, n, k);
	return ok;
}

/* One teller pays along every ordered pair of 4 accounts, each pair its own
 * amount, each from a fresh bank, so that a mistake shows alone. */
static bool singles(bool say)
{
	bool ok = true;
	for (int i = 0; i < 12; i++) {
		struct plan p = {i / 3, (i / 3 + 1 + i % 3) % 4, 10 * i + 11};
		char what[80];
		snprintf(what, sizeof what,
			 "transfer %d: %ld from account %d to %d", i + 1,
			 p.amount, p.from, p.to);
		ok &= run(what, 1, 4, &p, 1, false, say);
	}
	if (ok && say)
		printf("12 transfers, one at a time: each moved its amount "
		       "from payer to payee\n");
	return ok;
}

/* n tellers: teller i pays (i + 1) % n each time, amount i + 1. */
static bool ring(int n, int k)
{
	struct plan p[MAX_TEAM * STEPS];
	for (int i = 0; i < n * k; i++)
		p[i] = (struct plan){i / k, (i / k + 1) % n, i / k + 1};
	char what[40];
	snprintf(what, sizeof what, "%d tellers paying round a ring", n);
	return run(what, n, n, p, k, true, true);
}

/* 3 tellers, 4 accounts, colliding: a ring of 3 first, then known random
 * transfers (x is xorshift64, so every run has the same plan). */
static bool crowd(void)
{
	static struct plan p[3 * STEPS];
	uint64_t x = 88172645463325252u;
	for (int i = 0; i < 3 * STEPS; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		int from = (int)(x % 4), to = (from + 1 + (int)(x / 4 % 3)) % 4;
		if (i % STEPS == 0)
			from = i / STEPS, to = (from + 1) % 3;
		p[i] = (struct plan){from, to, 1 + (long)(x / 16 % 100)};
	}
	return run("3 tellers, 4 accounts", 3, 4, p, STEPS, true, true);
}

/* For ThreadSanitizer: two tellers in lockstep rounds share one account,
 * 1, and use it both ways: teller 0 pays 0 -> 1, 1 -> 0, 0 -> 1, ...,
 * teller 1 pays 1 -> 2, 2 -> 1, .... Over any two rounds account 1's lock
 * passes from each teller to the other, and no third lock orders what they
 * do, so a balance written outside its lock is a data race on every run. */
static bool pair(int k)
{
	struct plan p[2 * STEPS];
	for (int i = 0; i < 2 * k; i++) {
		int mine = i < k ? 0 : 2, out = i % 2;
		p[i] = (struct plan){out ? 1 : mine, out ? mine : 1, 1 + i % 7};
	}
	rounds = true;
	bool ok = run("2 tellers sharing account 1", 2, 3, p, k, true, true);
	rounds = false;
	return ok;
}

/* t->retries, summed over a colliding pair: at least one (the collisions
 * make a give-back certain), and no more than the tries that found an
 * account busy. */
static bool retries(void)
{
	if (!ring(2, 20))
		return false;
	printf("tellers counted %ld retries; %ld tries found an account "
	       "busy\n",
	       spy.retries, spy.busy);
	if (spy.retries >= 1 && spy.retries <= spy.busy)
		return true;
	printf("expected t->retries to count each give-back: between 1 and "
	       "%ld\n",
	       spy.busy);
	return false;
}

int main(int argc, char **argv)
{
	wb_prog = "audit";
	const char *mode = argc == 3 ? argv[1] : "", *s = argv[argc - 1];
	transfer = strcmp(s, "ordered") == 0   ? transfer_ordered
		   : strcmp(s, "trylock") == 0 ? transfer_trylock
					       : NULL;
	if (!transfer || !*mode) {
		fprintf(stderr, "usage: audit moves|order|collide|retries|races"
				" ordered|trylock\n");
		return 2;
	}
	printf("audit: %s, %s\n", mode, s);
	fflush(stdout);
	watch_start(&done);
	bool ok = false;
	if (strcmp(mode, "moves") == 0)
		ok = singles(true) && crowd();
	else if (strcmp(mode, "order") == 0)
		ok = (singles(false), spy_order());
	else if (strcmp(mode, "collide") == 0)
		ok = ring(2, 50) && ring(3, 50);
	else if (strcmp(mode, "retries") == 0)
		ok = retries();
	else if (strcmp(mode, "races") == 0)
		ok = ring(3, 20) && pair(20); /* under ThreadSanitizer */
	watch_stop();
	puts(ok ? "audit: pass" : "audit: FAIL");
	return ok ? 0 : 1;
}
