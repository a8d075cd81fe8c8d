/* accounts.c: opening and closing the bank: its balances, one lock per
 * account, and the tellers. bank.c (the program) and the tests' driver both
 * open their banks here, so they share one way of setting one up. */
#include <stdlib.h>

#include "bank.h"
#include "wb.h"

/* Allocates what b->accounts and b->threads ask for; every account starts
 * with 1000, unlocked, and every teller with its own random seed. */
void open_bank(struct bank *b)
{
	b->balance = wb_alloc((size_t)b->accounts * sizeof *b->balance);
	b->lock = wb_alloc((size_t)b->accounts * sizeof *b->lock);
	b->owner = wb_alloc((size_t)b->accounts * sizeof *b->owner);
	b->tellers = wb_alloc((size_t)b->threads * sizeof *b->tellers);
	for (long a = 0; a < b->accounts; a++) {
		b->balance[a] = 1000;
		wb_check(pthread_mutex_init(&b->lock[a], NULL),
			 "pthread_mutex_init");
		atomic_init(&b->owner[a], -1);
	}
	for (int i = 0; i < b->threads; i++) {
		struct teller *t = &b->tellers[i];
		*t = (struct teller){.bank = b, .id = i};
		atomic_init(&t->wants, -1);
		atomic_init(&t->arrived, false);
		t->seed = 0x9e3779b97f4a7c15u * (uint64_t)(i + 1); /* not 0 */
	}
}

void close_bank(struct bank *b)
{
	for (long a = 0; a < b->accounts; a++)
		wb_check(pthread_mutex_destroy(&b->lock[a]),
			 "pthread_mutex_destroy");
	free(b->balance);
	free(b->lock);
	free(b->owner);
	free(b->tellers);
}
