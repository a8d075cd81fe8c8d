/* waitfor.c: the watchdog's report on a stuck bank. It draws the wait-for
 * graph (teller -> the teller holding the account it waits for) from the
 * atomics that take() and drop() keep, and names the cycle in it. */
#include <string.h>

#include "bank.h"

/* The teller that teller t waits for, or -1 if t is not blocked on a held
 * lock. */
static int waits_for(struct bank *b, int t)
{
	int want = atomic_load(&b->tellers[t].wants);
	return want < 0 ? -1 : atomic_load(&b->owner[want]);
}

static void print_holdings(FILE *out, struct bank *b, int t)
{
	int n = 0;
	for (long a = 0; a < b->accounts; a++)
		if (atomic_load(&b->owner[a]) == t)
			fprintf(out, "%s %ld", n++ ? " and" : " holds account",
				a);
	if (n == 0)
		fprintf(out, " holds nothing");
}

/* Follows the wait-for edges from teller `start`; if they come back to a
 * teller already on the path, stores that loop in cycle[] and returns its
 * length, else 0. */
static int find_cycle(struct bank *b, int start, int *cycle)
{
	int path[MAX_TELLERS + 1], len = 0;
	for (int t = start; t >= 0 && len <= b->threads; t = waits_for(b, t)) {
		for (int i = 0; i < len; i++)
			if (path[i] == t) {
				for (int j = i; j < len; j++)
					cycle[j - i] = path[j];
				return len - i;
			}
		path[len++] = t;
	}
	return 0;
}

void report_waits(FILE *out, void *arg)
{
	struct bank *b = arg;
	int n = (int)b->threads, cycle[MAX_TELLERS], len = 0;
	fprintf(out, "who holds what, and who waits for what (strategy %s):\n",
		b->strategy);
	for (int t = 0; t < n; t++) {
		int want = atomic_load(&b->tellers[t].wants);
		fprintf(out, "  thread %d", t);
		print_holdings(out, b, t);
		if (want >= 0)
			fprintf(out,
				", waits for account %d (held by thread %d)",
				want, atomic_load(&b->owner[want]));
		fputc('\n', out);
	}
	for (int t = 0; t < n && len == 0; t++)
		len = find_cycle(b, t, cycle);
	if (len == 0) {
		fprintf(out, "no cycle of waits: this is no deadlock; the "
			     "tellers are busy without finishing a transfer\n");
		return;
	}
	fprintf(out, "cycle:");
	for (int i = 0; i < len; i++)
		fprintf(out, " T%d ->", cycle[i]);
	fprintf(out, " T%d\n", cycle[0]);
	fprintf(out, "deadlock: each thread in the cycle holds an account the "
		     "next one needs and waits\nfor one it cannot get; nobody "
		     "gives a lock back, so nobody can ever go on.\n");
	if (strcmp(b->strategy, "naive") == 0)
		fprintf(out, "fix: lock the accounts in one global order "
			     "(--strategy ordered), or give the\nfirst back "
			     "when the second is busy (--strategy trylock)\n");
	else
		fprintf(out,
			"strategy %s must never deadlock: see its "
			"TODO(lab04) in transfer.c\n",
			b->strategy);
}
