/* limits.c: the bounded semaphore (how many are inside at most, and an
 * extra release) and the barrier (does anyone cross early?), each beside
 * the library's sem_t and pthread_barrier_t. */
#include <errno.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "barrier.h"
#include "bsem.h"
#include "demo.h"
#include "wb.h"

static const struct sizes *sz;
static struct bsem s;
static sem_t posix_sem;
static atomic_long inside, most;

/* One thread's rounds through the semaphore (arg: use sem_t). */
static void *visit(void *arg)
{
	for (long r = 0; r < sz->rounds; r++) {
		if (arg)
			wb_sys(sem_wait(&posix_sem), "sem_wait");
		else
			bsem_acquire(&s);
		long now = atomic_fetch_add(&inside, 1) + 1, m = most;
		while (now > m && !atomic_compare_exchange_weak(&most, &m, now))
			;
		wb_burn(500); /* stay inside a moment */
		atomic_fetch_sub(&inside, 1);
		atomic_fetch_add(&demo_progress, 1);
		if (arg)
			wb_sys(sem_post(&posix_sem), "sem_post");
		else if (bsem_release(&s) != 0)
			wb_die("bsem_release", EINVAL);
	}
	return NULL;
}

void demo_semaphore(const struct sizes *z)
{
	sz = z;
	atomic_store(&demo_now, "threads went through the semaphore");
	bsem_init(&s, z->bound);
	demo_team(z->threads, visit, NULL);
	int rc = bsem_release(&s);
	printf("semaphore: %ld threads x %ld rounds, bound %ld: at most %ld "
	       "inside at once; an extra release was %s\n",
	       z->threads, z->rounds, z->bound, atomic_load(&most),
	       rc ? "refused (EINVAL), as Python's ValueError"
		  : "ACCEPTED: one more thread may now get in than the bound");
	bsem_destroy(&s);
	int v;
	wb_sys(sem_init(&posix_sem, 0, (unsigned)z->bound), "sem_init");
	atomic_store(&most, 0);
	demo_team(z->threads, visit, &posix_sem);
	wb_sys(sem_post(&posix_sem), "sem_post");
	wb_sys(sem_getvalue(&posix_sem, &v), "sem_getvalue");
	printf("semaphore: sem_t: at most %ld inside; it took the extra "
	       "sem_post too (value %d): it has no bound\n",
	       atomic_load(&most), v);
	wb_sys(sem_destroy(&posix_sem), "sem_destroy");
}

static struct barrier b;
static pthread_barrier_t posix_b;
static atomic_int *came; /* came[r]: threads that reached round r */
static atomic_long early;

/* One thread's rounds through the barrier (arg: use pthread_barrier_t). */
static void *cross(void *arg)
{
	for (long r = 0; r < sz->rounds; r++) {
		atomic_fetch_add(&came[r], 1);
		if (arg)
			pthread_barrier_wait(&posix_b);
		else
			barrier_wait(&b);
		if (atomic_load(&came[r]) != sz->threads)
			atomic_fetch_add(&early, 1);
		atomic_fetch_add(&demo_progress, 1);
	}
	return NULL;
}

/* Runs the rounds; returns microseconds per round. */
static double rounds(void *posix)
{
	memset(came, 0, (size_t)sz->rounds * sizeof *came);
	uint64_t t0 = wb_now_ns();
	demo_team(sz->threads, cross, posix);
	return (double)(wb_now_ns() - t0) / 1e3 / (double)sz->rounds;
}

void demo_barrier(const struct sizes *z)
{
	sz = z;
	came = wb_alloc((size_t)z->rounds * sizeof *came);
	atomic_store(&demo_now, "threads went round the barrier (a fast "
				"thread that laps a slow one leaves both "
				"waiting)");
	barrier_init(&b, (int)z->threads);
	double us = rounds(NULL);
	printf("barrier: %ld threads x %ld rounds: %ld crossed into the next "
	       "round early; %.1f us per round\n",
	       z->threads, z->rounds, atomic_load(&early), us);
	barrier_destroy(&b);
	wb_check(pthread_barrier_init(&posix_b, NULL, (unsigned)z->threads),
		 "pthread_barrier_init");
	us = rounds(&posix_b);
	printf("barrier: pthread_barrier_t: %.1f us per round\n", us);
	wb_check(pthread_barrier_destroy(&posix_b), "pthread_barrier_destroy");
	free(came);
}
