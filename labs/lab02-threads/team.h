/* team.h: start n threads, each told who it is, and collect what each
 * returns: Python's Thread(target=body, args=(i,), name=...) and join(). */
#ifndef TEAM_H
#define TEAM_H

#include <pthread.h>

enum { NAME_MAX_LEN = 15 }; /* Linux keeps 15 bytes of a thread's name */

struct team {
	int n;            /* threads, 1 or more */
	const char *name; /* thread i is named "<name>-<i>" */
	pthread_t *tid;   /* tid[i]: thread i */
	int *ids;         /* ids[i] = i: the argument thread i reads */
	long *results;    /* results[i]: what thread i returned */
};

/* Allocates the arrays of a team of n threads named name-0, name-1... */
void team_init(struct team *t, int n, const char *name);
void team_free(struct team *t);

/* Starts thread i, for each i < t->n, running body(arg), where arg points
 * at an int holding i that stays valid until team_join. Names each thread
 * (see team_label) from here, so the names are there when it returns; it
 * does not wait for the threads to run. */
void team_start(struct team *t, void *(*body)(void *));

/* Waits for every thread; results[i] is what thread i's body returned
 * (cast from void * to long). */
void team_join(struct team *t);

/* Writes thread i's name into buf: "<name>-<i>", its name cut so that the
 * whole is at most NAME_MAX_LEN bytes and "-<i>" stays whole. */
void team_label(const struct team *t, int i, char *buf);

#endif
