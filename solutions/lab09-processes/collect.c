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
	/* STARTER BEGIN
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
	STARTER END */
	struct pollfd fds[POOL_MAX];
	int at[POOL_MAX], k = 0;
	bool busy = false;
	for (int i = 0; i < p->workers; i++) {
		if (!p->w[i].pid)
			continue;
		busy |= p->w[i].task >= 0;
		/* idle ones too: their death breaks the pool as well */
		fds[k] = (struct pollfd){.fd = p->w[i].from, .events = POLLIN};
		at[k++] = i;
	}
	if (!busy)
		return POOL_IDLE;
	while (poll(fds, (nfds_t)k, -1) == -1)
		if (errno != EINTR)
			wb_die("poll", errno);
	for (int j = 0; j < k; j++) {
		if (!fds[j].revents) /* POLLIN, or POLLHUP: end of file */
			continue;
		struct worker *w = &p->w[at[j]];
		if (recv_msg(w->from, r, sizeof *r) == sizeof *r) {
			w->task = -1;
			return at[j];
		}
		/* End of file, or half a message: the worker has died. */
		pool_bury(p, at[j]);
		p->dead = at[j];
		return POOL_BROKEN;
	}
	return POOL_IDLE; /* not reached: poll waits until one is ready */
			  /* SOLUTION END */
}
