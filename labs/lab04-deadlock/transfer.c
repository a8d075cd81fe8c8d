/* transfer.c: move money between two accounts while holding both locks.
 * naive can deadlock; ordered and trylock are the exercise: each breaks one
 * of the conditions a deadlock needs. */
#include "bank.h"

/* Called with both accounts locked. A transfer that would overdraw `from`
 * moves nothing; either way the bank's total stays the same. */
static void pay(struct bank *b, int from, int to, long amount)
{
	if (b->balance[from] < amount)
		return;
	b->balance[from] -= amount;
	b->balance[to] += amount;
}

/* Lock `from`, then `to`. If another teller moves money the other way at
 * the same time, each can hold one account and wait for the other's: a
 * circular wait, and neither ever gives its lock back. */
void transfer_naive(struct teller *t, int from, int to, long amount)
{
	take(t, from);
	take(t, to);
	pay(t->bank, from, to, amount);
	drop(t, to);
	drop(t, from);
}

/* One global order: every teller locks the lower account id first. A cycle
 * of waits would need someone to wait for a lower id while holding a
 * higher one, and nobody ever does. */
void transfer_ordered(struct teller *t, int from, int to, long amount)
{
	// TODO(lab04): lock the lower account id first, then the higher one
	transfer_naive(t, from, to, amount);
}

/* Never wait while holding: take `from`, then only try `to`. If it is busy,
 * give `from` back, count a retry in t->retries, back_off() and start
 * again. */
void transfer_trylock(struct teller *t, int from, int to, long amount)
{
	// TODO(lab04): take from; if try_take(to) fails drop, count, back off
	transfer_naive(t, from, to, amount);
}
