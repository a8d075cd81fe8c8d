/* chore.h: background work nobody waits for: Python's
 * Thread(target=..., daemon=True). When main returns, it is simply cut off. */
#ifndef CHORE_H
#define CHORE_H

#include <stdatomic.h>

struct chore {
	long steps;       /* steps the work has in all */
	long step_ns;     /* how long one step takes */
	atomic_long done; /* steps finished so far */
};

/* Starts a thread doing c's steps, one after another, counting each in
 * c->done. Nobody joins it: it is detached, and exit ends it. */
void chore_start(struct chore *c);

/* The steps not done yet: lost if the program ends now. */
long chore_lost(struct chore *c);

#endif
