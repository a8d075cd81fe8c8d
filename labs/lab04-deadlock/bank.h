/* bank.h: lab04's accounts, tellers (one per thread) and lock operations.
 * Each account has its own mutex; a transfer must hold both of its accounts.
 * Who holds and who waits is kept in atomics, so that the watchdog's report
 * can read it while every teller is stuck, without taking any lock. */
#ifndef BANK_H
#define BANK_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Most threads --threads accepts. */
#define MAX_TELLERS 64

struct teller;

struct bank {
	long accounts;          /* how many accounts, at least 2 */
	long *balance;          /* balance[a] is guarded by lock[a] */
	pthread_mutex_t *lock;  /* one mutex per account */
	atomic_int *owner;      /* the teller holding lock[a], -1 if none */
	struct teller *tellers; /* one per thread */
	long threads;           /* how many tellers */
	long transfers;         /* transfers each teller makes */
	bool force;           /* make the first lock order inversion certain */
	atomic_long progress; /* transfers done, watched by the watchdog */
	const char *strategy; /* its name, for the report */
};

struct teller {
	struct bank *bank;
	int id;              /* 0 .. threads-1 */
	atomic_int wants;    /* the account it is blocked on, -1 if none */
	atomic_bool arrived; /* --force: holds its first lock, has paused */
	long retries;        /* trylock: second lock busy, first given back */
	uint64_t seed;       /* its own random numbers: accounts, back-off */
};

/* accounts.c: open_bank allocates and fills in what b->accounts and
 * b->threads ask for (every account starts with 1000); close_bank frees it. */
void open_bank(struct bank *b);
void close_bank(struct bank *b);

/* locks.c: lock an account, with the bookkeeping the report reads. */
void take(struct teller *t, int account);     /* waits until it is free */
bool try_take(struct teller *t, int account); /* false at once if busy */
void drop(struct teller *t, int account);
void back_off(struct teller *t, int attempt); /* sleeps a random while */
uint64_t next_random(struct teller *t);

/* transfer.c: move amount from one account to another, three ways. */
typedef void transfer_fn(struct teller *t, int from, int to, long amount);
transfer_fn transfer_naive, transfer_ordered, transfer_trylock;

/* waitfor.c: the watchdog's report: who holds what, who waits for whom. */
void report_waits(FILE *out, void *bank);

#endif
