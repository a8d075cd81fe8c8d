/* barrier.h: Python's threading.Barrier from a mutex and a condition
 * variable: each of `parties` threads waits until all have come, then all
 * go on. It can be used again and again, round after round. */
#ifndef BARRIER_H
#define BARRIER_H

#include <pthread.h>
#include <stdbool.h>

struct barrier {
	int parties;           /* threads that make up one round */
	int count;             /* threads that have come this round */
	unsigned long gen;     /* rounds completed: the generation */
	pthread_mutex_t lock;  /* guards count and gen */
	pthread_cond_t all_in; /* the early ones sleep here */
};

void barrier_init(struct barrier *b, int parties);
void barrier_destroy(struct barrier *b); /* no thread may be using b */

/* Waits until all parties have called it in this round. Returns true in
 * exactly one of them each round, like PTHREAD_BARRIER_SERIAL_THREAD. */
bool barrier_wait(struct barrier *b);

#endif
