/* locks.c: lab03's driver that sees every mutex call of the counting code
 * (linked with -Wl,--wrap, so the tree's pthread_mutex_lock, _trylock and
 * _unlock calls come here first). It checks, for each counting thread:
 * - mutex: one critical section per increment, in which s->counter goes up
 *   by exactly 1: the lock is held around each single increment;
 * - local: at most MAX_LOCAL locks: one merge, not one lock per increment.
 * Run: locks mutex|local ITERS THREADS...; ends with "locks: ok" or
 * "locks: FAIL". */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counters.h"
#include "wb.h"

enum { MAX_LOCAL = 4 }; /* locks a local-mode thread may take */

struct watch {         /* what one counting thread did */
	long taken;    /* outermost locks it acquired */
	long plus_one; /* critical sections that added exactly 1 */
	long other;    /* critical sections that changed it by more or less */
	long at;       /* s.counter when it took the outermost lock */
	int depth;     /* locks it holds now */
};

static struct shared s;
static void *(*fn)(void *);
static _Thread_local struct watch *me; /* NULL outside counting threads */

int __real_pthread_mutex_lock(pthread_mutex_t *m);
int __real_pthread_mutex_trylock(pthread_mutex_t *m);
int __real_pthread_mutex_unlock(pthread_mutex_t *m);

static int took(int rc)
{
	if (rc == 0 && me && me->depth++ == 0) {
		me->taken++;
		me->at = s.counter;
	}
	return rc;
}

int __wrap_pthread_mutex_lock(pthread_mutex_t *m)
{
	return took(__real_pthread_mutex_lock(m));
}

int __wrap_pthread_mutex_trylock(pthread_mutex_t *m)
{
	return took(__real_pthread_mutex_trylock(m));
}

/* Reads the counter while the section is still held. */
int __wrap_pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (me && me->depth > 0 && --me->depth == 0) {
		if (s.counter - me->at == 1)
			me->plus_one++;
		else
			me->other++;
	}
	return __real_pthread_mutex_unlock(m);
}

static void *counting(void *w)
{
	me = w;
	return fn(&s);
}

/* One run of n threads; prints what each did; returns 1 if all is well. */
static int one(int n, int mutex)
{
	struct watch *w = wb_alloc((size_t)n * sizeof *w);
	s.counter = 0;
	atomic_store(&s.atomic_counter, 0);
	wb_team_run(n, counting, w, sizeof *w);
	long total = s.counter + atomic_load(&s.atomic_counter);
	int ok = total == n * s.iters;
	printf("%s, %d threads x %ld: counted %ld of %ld\n",
	       mutex ? "mutex" : "local", n, s.iters, total, n * s.iters);
	for (int i = 0; i < n; i++) {
		printf("  thread %d: %ld locks, %ld sections added 1, %ld "
		       "added another amount\n",
		       i, w[i].taken, w[i].plus_one, w[i].other);
		if (mutex)
			ok &= w[i].plus_one == s.iters && w[i].other == 0;
		else
			ok &= w[i].taken <= MAX_LOCAL;
	}
	free(w);
	return ok;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int mutex = !strcmp(mode, "mutex");
	fn = mutex ? count_mutex : !strcmp(mode, "local") ? count_local : NULL;
	s.iters = argc > 2 ? atol(argv[2]) : 0;
	if (!fn || s.iters < 1 || argc < 4) {
		fprintf(stderr, "usage: locks mutex|local ITERS THREADS...\n");
		return 2;
	}
	wb_check(pthread_mutex_init(&s.lock, NULL), "pthread_mutex_init");
	int ok = 1;
	for (int k = 3; k < argc; k++)
		ok &= one(atoi(argv[k]), mutex);
	if (ok)
		printf("locks: ok\n");
	else if (mutex)
		printf("locks: FAIL: each increment needs its own critical "
		       "section: lock, add 1, unlock; and every update "
		       "counted\n");
	else
		printf("locks: FAIL: local mode takes the lock at most %d "
		       "times per thread and counts every update\n",
		       MAX_LOCAL);
	return ok ? 0 : 1;
}
