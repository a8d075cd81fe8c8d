/* collect.c: the pool's fan-in. Every busy worker may answer next, so the
 * pool waits on all their result pipes at once (poll) and takes whichever
 * is ready. A pipe whose every writer has gone reads as end of file: the
 * worker behind it has died, and waiting on would wait for ever. */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>

#include "pool.h"
#include "procs.h"
#include "wb.h"

int pool_collect(struct pool *p, struct result *r)
{
	// TODO(lab09): poll the result pipes of all living workers and take the first that is ready, not each busy one in turn
	for (int i = 0; i < p->workers; i++) {
		struct worker *w = &p->w[i];
		if (w->task < 0)
			continue;
		if (recv_msg(w->from, r, sizeof *r) != sizeof *r)
			continue; // TODO(lab09): end of file: the worker has died: pool_bury it, set p->dead, return POOL_BROKEN
		w->task = -1;
		return i;
	}
	return POOL_IDLE;
}
