/* slot.c: check-then-act on a shared slot, and its fix. The bug needs the
 * other thread to check between our check and our claim: a window of a few
 * instructions, which a plain run almost never hits. */
#include "slot.h"
#include "wb.h"
#include "yield.h"

void slot_init(struct slot *s)
{
	*s = (struct slot){0};
	wb_check(pthread_mutex_init(&s->lock, NULL), "pthread_mutex_init");
}

void slot_destroy(struct slot *s)
{
	wb_check(pthread_mutex_destroy(&s->lock), "pthread_mutex_destroy");
}

void slot_note(struct slot *s, int me, enum slot_what what, int owner)
{
	int i = atomic_fetch_add(&s->nlog, 1);
	if (i < SLOT_LOG)
		s->log[i] = (struct slot_event){me, what, owner};
}

int slot_winners(const struct slot *s)
{
	int n = 0;
	for (int i = 0; i < SLOT_THREADS; i++)
		n += s->won[i];
	return n;
}

/* The steps between check and claim: build the item. */
static void prepare(struct slot *s, int me, int steps)
{
	for (int i = 1; i < steps - 1; i++) {
		yield_point();
		s->item[me] = s->item[me] * 10 + i;
		slot_note(s, me, SLOT_PREPARE, 0);
	}
	yield_point();
}

void slot_claim_racy(struct slot *s, int me, int steps)
{
	int seen = s->owner; /* check: is it free? */
	slot_note(s, me, SLOT_CHECK, seen);
	prepare(s, me, steps);
	if (seen == 0) { /* act: on what we saw steps ago */
		s->owner = me + 1;
		s->won[me] = true;
		slot_note(s, me, SLOT_CLAIM, me + 1);
	} else {
		slot_note(s, me, SLOT_GIVE_UP, seen);
	}
}

void slot_claim_fixed(struct slot *s, int me, int steps)
{
	/* STARTER BEGIN
	// TODO(lab21): make the claim atomic, so that exactly one thread owns
	// the slot whatever the interleaving (keep the steps and yield points)
	int seen = s->owner;
	slot_note(s, me, SLOT_CHECK, seen);
	prepare(s, me, steps);
	if (seen == 0) {
		s->owner = me + 1;
		s->won[me] = true;
		slot_note(s, me, SLOT_CLAIM, me + 1);
	} else {
		slot_note(s, me, SLOT_GIVE_UP, seen);
	}
	STARTER END */
	/* The check only says whether to bother preparing; the claim itself
	 * is one compare-and-swap: it sets the owner only if the slot is
	 * still free at that instant. */
	int seen = __atomic_load_n(&s->owner, __ATOMIC_ACQUIRE);
	slot_note(s, me, SLOT_CHECK, seen);
	prepare(s, me, steps);
	int expected = 0;
	if (seen == 0 &&
	    __atomic_compare_exchange_n(&s->owner, &expected, me + 1, false,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		s->won[me] = true;
		slot_note(s, me, SLOT_CLAIM, me + 1);
	} else {
		slot_note(s, me, SLOT_GIVE_UP, seen ? seen : expected);
	}
	/* SOLUTION END */
}
