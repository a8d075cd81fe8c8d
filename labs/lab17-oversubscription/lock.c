/* lock.c: a test-and-test-and-set spin lock and the two steps of the lock
 * demo. With more threads than CPUs, the thread holding the lock is
 * sometimes preempted while it holds it; the longer it holds the lock, the
 * likelier. Then the waiters spin on a lock nobody can release. */
#include "lock.h"
#include "wb.h"

void spin_lock(struct spin *s)
{
	for (;;) {
		if (!atomic_exchange_explicit(&s->held, 1,
					      memory_order_acquire))
			return;
		/* Wait reading only: no cache-line ping-pong while held. */
		while (atomic_load_explicit(&s->held, memory_order_relaxed))
			;
	}
}

void spin_unlock(struct spin *s)
{
	atomic_store_explicit(&s->held, 0, memory_order_release);
}

/* The lock held for the whole step: the work too. */
void step_long(struct tally *t, uint64_t units)
{
	spin_lock(&t->lock);
	t->total += wb_burn(units);
	t->steps++;
	spin_unlock(&t->lock);
}

/* The same step, holding the lock for as little as it can. */
void step_short(struct tally *t, uint64_t units)
{
	// TODO(lab17): do the work (wb_burn) before taking the lock, and
	// hold the lock only to add the result and count the step
	spin_lock(&t->lock);
	t->total += wb_burn(units);
	t->steps++;
	spin_unlock(&t->lock);
}
