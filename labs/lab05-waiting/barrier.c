/* barrier.c: the last thread to come opens the barrier for everyone. A
 * thread woken late may find that a fast one has already come back for the
 * next round, so "is it open?" is asked of the generation, not the count. */
#include "barrier.h"
#include "wb.h"

void barrier_init(struct barrier *b, int parties)
{
	*b = (struct barrier){.parties = parties};
	wb_check(pthread_mutex_init(&b->lock, NULL), "pthread_mutex_init");
	wb_check(pthread_cond_init(&b->all_in, NULL), "pthread_cond_init");
}

void barrier_destroy(struct barrier *b)
{
	wb_check(pthread_cond_destroy(&b->all_in), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&b->lock), "pthread_mutex_destroy");
}

bool barrier_wait(struct barrier *b)
{
	wb_check(pthread_mutex_lock(&b->lock), "pthread_mutex_lock");
	bool last = ++b->count == b->parties;
	if (last) {
		b->count = 0; // open it, ready for the next round
		wb_check(pthread_cond_broadcast(&b->all_in),
			 "pthread_cond_broadcast");
	} else {
		// TODO(lab05): wait until b->gen moves on; a fast thread's next round makes count non-zero
		while (b->count != 0)
			wb_check(pthread_cond_wait(&b->all_in, &b->lock),
				 "pthread_cond_wait");
	}
	wb_check(pthread_mutex_unlock(&b->lock), "pthread_mutex_unlock");
	return last;
}
