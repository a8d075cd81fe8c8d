/* bank.c: tellers (threads) move money between accounts; each transfer
 * locks both accounts it touches. Run: make lab04 (naive, deadlocks: the
 * watchdog names the cycle and exits 3), then ARGS="--strategy ordered".
 * Expect ordered and trylock to finish every transfer, the total conserved. */
#include <stdbool.h>
#include <stdio.h>

#include "bank.h"
#include "wb.h"

static const char *const names[] = {"naive", "ordered", "trylock", NULL};
static transfer_fn *const strategies[] = {transfer_naive, transfer_ordered,
					  transfer_trylock};
static transfer_fn *transfer; /* the strategy chosen */

static void *work(void *arg)
{
	struct teller *t = arg;
	struct bank *b = t->bank;
	long n = b->accounts, ring = b->threads > 2 ? b->threads : 2;
	for (long k = 0; k < b->transfers; k++) {
		int from = (int)(next_random(t) % (uint64_t)n);
		int to = (int)((from + 1 + next_random(t) % (uint64_t)(n - 1)) %
			       (uint64_t)n);
		if (k == 0 && b->force) {
			/* Teller i pays i+1, the last pays 0: every teller's
			 * second account is the next one's first. */
			from = t->id;
			to = (int)((t->id + 1) % ring);
		}
		transfer(t, from, to, 1 + (long)(next_random(t) % 100));
		atomic_fetch_add(&b->progress, 1);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	long threads = 4, accounts = 0, transfers = 1000000, watchdog_ms = 1000;
	int strategy = 0;
	bool force = false, csv = false;
	const struct wb_opt opts[] = {
		WB_INT("threads", &threads, 1, MAX_TELLERS, "tellers at work"),
		WB_INT("accounts", &accounts, 2, 100000,
		       "accounts in the bank (default: one per thread, >= 2)"),
		WB_INT("transfers", &transfers, 1, 100000000,
		       "transfers each teller makes"),
		WB_CHOICE("strategy", &strategy, names,
			  "how a transfer takes its two locks"),
		WB_FLAG("force", &force,
			"make the first transfers form a cycle of waits"),
		WB_INT("watchdog-ms", &watchdog_ms, 10, 600000,
		       "stop after this long without a transfer"),
		WB_FLAG("csv", &csv, "print one CSV row instead of prose"),
		WB_OPT_END};
	wb_parse(argc, argv, "bank", "Deadlock between bank transfers.", opts);
	if (accounts == 0)
		accounts = threads > 2 ? threads : 2;
	if (force && accounts < threads)
		wb_usage_error("--accounts: --force needs one account per "
			       "thread (%ld threads, %ld accounts)",
			       threads, accounts);

	struct bank b = {.accounts = accounts,
			 .threads = threads,
			 .transfers = transfers,
			 .force = force,
			 .strategy = names[strategy]};
	atomic_init(&b.progress, 0);
	transfer = strategies[strategy];
	open_bank(&b);
	if (!csv) {
		printf("%ld threads x %ld transfers among %ld accounts, "
		       "strategy %s%s\n",
		       threads, transfers, accounts, names[strategy],
		       force ? ", first transfers forced into a cycle" : "");
		printf("a watchdog ends the run if no transfer is done for "
		       "%ld ms\n",
		       watchdog_ms);
		fflush(stdout); /* before the watchdog's report on stderr */
	}
	wb_watchdog_start(watchdog_ms, &b.progress, report_waits, &b);
	uint64_t ns =
		wb_team_run((int)threads, work, b.tellers, sizeof *b.tellers);
	wb_watchdog_stop();

	long total = 0, expected = 1000 * accounts, retries = 0;
	for (long a = 0; a < accounts; a++)
		total += b.balance[a];
	for (long i = 0; i < threads; i++)
		retries += b.tellers[i].retries;
	long done = atomic_load(&b.progress);
	close_bank(&b);
	if (csv) {
		printf("strategy,threads,accounts,transfers,force,completed,"
		       "expected_total,found_total,retries,seconds\n"
		       "%s,%ld,%ld,%ld,%d,%ld,%ld,%ld,%ld,%.6f\n",
		       names[strategy], threads, accounts, transfers, force,
		       done, expected, total, retries, (double)ns / 1e9);
		return 0;
	}
	printf("all %ld transfers done in %.3f s, no deadlock%s\n", done,
	       (double)ns / 1e9,
	       strategy == 0 ? " this time (--force makes it certain)" : "");
	printf("total balance: expected %ld, found %ld: %s\n", expected, total,
	       total == expected ? "conserved" : "NOT conserved");
	printf("retries: %ld (a retry gives the first lock back because the "
	       "second was busy)\n",
	       retries);
	return 0;
}
