/* locks.c: taking and dropping an account's lock, with the bookkeeping the
 * watchdog's report reads, and the pause that --force adds. */
#include <errno.h>

#include "bank.h"
#include "wb.h"

/* --force: the caller holds its first lock. Keep holding it until no other
 * teller can still take its own first lock freely: each one has arrived
 * here too, or is blocked on a lock that somebody holds.
 * Why not a plain barrier for all tellers: under `ordered`, tellers 0 and
 * n-1 both start with account 0; the one that loses waits for account 0
 * and can never reach a barrier while the winner holds account 0 there.
 * Counting "blocked on a held lock" as arrived lets the winner go on.
 * Under `naive` every first lock is a different account, so every teller
 * really holds one before anybody asks for a second: the cycle is certain.
 * A teller blocked on a lock that take() does not see (a lock of your own
 * around both takes, say) never counts, so after PAUSE_NS the pause gives
 * up: no cycle is forced then, and the run goes on. */
#define PAUSE_NS 200000000u /* 200 ms: far longer than tellers need */

static void pause_holding_first(struct teller *me)
{
	struct bank *b = me->bank;
	uint64_t until = wb_now_ns() + PAUSE_NS;
	atomic_store(&me->arrived, true);
	for (bool all = false; !all && wb_now_ns() < until;) {
		all = true;
		for (long i = 0; i < b->threads && all; i++) {
			struct teller *u = &b->tellers[i];
			int want = atomic_load(&u->wants);
			all = atomic_load(&u->arrived) ||
			      (want >= 0 && atomic_load(&b->owner[want]) >= 0);
		}
		/* Polling is fine here: it happens once per teller. */
		if (!all)
			wb_sleep_ns(100000);
	}
}

void take(struct teller *t, int account)
{
	struct bank *b = t->bank;
	/* Say what we wait for before waiting: a stuck teller can say no more. */
	atomic_store(&t->wants, account);
	wb_check(pthread_mutex_lock(&b->lock[account]), "pthread_mutex_lock");
	atomic_store(&b->owner[account], t->id);
	atomic_store(&t->wants, -1);
	if (b->force && !atomic_load(&t->arrived))
		pause_holding_first(t);
}

bool try_take(struct teller *t, int account)
{
	struct bank *b = t->bank;
	int rc = pthread_mutex_trylock(&b->lock[account]);
	if (rc == EBUSY)
		return false;
	wb_check(rc, "pthread_mutex_trylock");
	atomic_store(&b->owner[account], t->id);
	return true;
}

void drop(struct teller *t, int account)
{
	struct bank *b = t->bank;
	atomic_store(&b->owner[account], -1);
	wb_check(pthread_mutex_unlock(&b->lock[account]),
		 "pthread_mutex_unlock");
}

/* xorshift64: small, fast, and each teller has its own state. */
uint64_t next_random(struct teller *t)
{
	t->seed ^= t->seed << 13;
	t->seed ^= t->seed >> 7;
	t->seed ^= t->seed << 17;
	return t->seed;
}

/* A random sleep whose range doubles with each failed attempt, up to about
 * a millisecond: tellers that collided once are unlikely to collide again,
 * so they cannot keep retrying in step for ever (a livelock). */
void back_off(struct teller *t, int attempt)
{
	int shift = attempt < 10 ? attempt : 10;
	wb_sleep_ns(next_random(t) % (1000u << shift));
}
