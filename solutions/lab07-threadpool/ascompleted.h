/* ascompleted.h: Python's concurrent.futures.as_completed: hand out futures
 * in the order their tasks finish, each as soon as it finishes, whatever the
 * order they were submitted in. */
#ifndef ASCOMPLETED_H
#define ASCOMPLETED_H

#include "future.h"

/* Where finished futures line up for one as_completed call. */
struct waiter {
	struct future **done; /* in the order they finished */
	int count;            /* how many are in done[] */
	pthread_mutex_t lock; /* guards done[] and count */
	pthread_cond_t more;  /* signalled when count grows */
};

/* Adds f, which is over, to w->done; called without f->lock. */
void waiter_add(struct waiter *w, struct future *f);

/* Calls each(f, arg) for each of the n futures fs[], in the order they
 * finish (or are cancelled), each as soon as it is over. */
void as_completed(struct future **fs, int n,
		  void (*each)(struct future *f, void *arg), void *arg);

#endif
