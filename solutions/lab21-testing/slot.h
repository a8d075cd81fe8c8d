/* slot.h: the code under test. Two threads each want one shared slot. Each
 * checks that the slot is free, prepares its item, then claims the slot:
 * check-then-act, with yield points between the steps. Exactly one thread
 * must end up owning it. */
#ifndef SLOT_H
#define SLOT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#define SLOT_THREADS 2
#define SLOT_LOG     64

enum slot_what { SLOT_CHECK, SLOT_PREPARE, SLOT_CLAIM, SLOT_GIVE_UP };

struct slot_event {
	int thread;          /* who */
	enum slot_what what; /* did what */
	int owner;           /* the owner it saw (check) or left (claim) */
};

struct slot {
	int owner;              /* 0: free, else the owner's id + 1 */
	bool won[SLOT_THREADS]; /* thread i claimed it (i writes only) */
	int item[SLOT_THREADS]; /* what the prepare steps build */
	pthread_mutex_t lock;   /* for a fix that wants a lock */
	atomic_int nlog;        /* events logged so far */
	struct slot_event log[SLOT_LOG]; /* the steps, in the order run */
};

void slot_init(struct slot *s);
void slot_destroy(struct slot *s);

/* Thread me's claim, in `steps` steps (at least 2) with a yield point
 * between each two: check, prepare (steps - 2 times), claim. The racy one
 * is the bug; the fixed one must leave exactly one owner whatever the
 * interleaving. */
void slot_claim_racy(struct slot *s, int me, int steps);
void slot_claim_fixed(struct slot *s, int me, int steps);

/* Logs one step (thread-safe: each event gets its own entry). */
void slot_note(struct slot *s, int me, enum slot_what what, int owner);

/* How many threads think they own the slot (1 is right). */
int slot_winners(const struct slot *s);

#endif
