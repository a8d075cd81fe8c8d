/* probe.c: lab03's driver that interrupts the counting threads. A timer
 * sends SIGALRM every TICK_NS; only the threads running the tree's
 * count_atomic or count_local take it, and the handler, on such a thread,
 * between two of its instructions, looks at the shared counters:
 * - atomic: the handler adds STEP to s->atomic_counter. An add that lands
 *   between a thread's load and its store is overwritten; an indivisible
 *   atomic add per increment never loses one. And the count must be seen
 *   growing while the threads work (one add per increment, not one at the
 *   end).
 * - local: the shared counters must not move until a thread merges.
 * Rounds go on until enough interrupts have been taken (or LIMIT_NS passed):
 * thousands in atomic mode, where one lands between a load and its store
 * only now and then.
 * Run: probe atomic|local ITERS THREADS; ends with "probe: ok" or
 * "probe: FAIL". */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "counters.h"
#include "wb.h"

#define TICK_NS  20000         /* between two interrupts */
#define STEP     1000000000L   /* what one interrupt adds in atomic mode */
#define LIMIT_NS 3000000000ULL /* rounds stop after this */
enum { WANT_ATOMIC = 4000, WANT_LOCAL = 200 }; /* interrupts to take */
_Static_assert(ATOMIC_LONG_LOCK_FREE == 2, "handler needs lock-free atomics");

static struct shared s;
static long total; /* increments of one round, all threads */
static int adding; /* atomic mode: the handler adds STEP */
/* Written by the handler, read after the join. */
static atomic_long added, ticks, mid;

static void on_tick(int sig)
{
	(void)sig;
	long seen; /* the threads' own progress, 0 to total */
	if (adding) {
		seen = atomic_fetch_add(&s.atomic_counter, STEP) -
		       atomic_load(&added);
		atomic_fetch_add(&added, STEP);
	} else {
		seen = s.counter + atomic_load(&s.atomic_counter);
	}
	atomic_fetch_add(&ticks, 1);
	/* Whole merges land on multiples of s.iters. */
	if (seen > 0 && seen < total && seen % s.iters)
		atomic_fetch_add(&mid, 1);
}

static void *(*fn)(void *);

static void *counting(void *unused)
{
	(void)unused;
	sigset_t alrm;
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	wb_check(pthread_sigmask(SIG_UNBLOCK, &alrm, NULL), "pthread_sigmask");
	return fn(&s);
}

/* One round; returns 1 if the count came out exact. */
static int round_of(int n)
{
	s.counter = 0;
	atomic_store(&s.atomic_counter, 0);
	atomic_store(&added, 0);
	wb_team_run(n, counting, NULL, 0);
	long plain = s.counter, atomic = atomic_load(&s.atomic_counter);
	long got = adding ? atomic - atomic_load(&added) : plain + atomic;
	if (got == total)
		return 1;
	printf("counted %ld of %ld (counter %ld, atomic_counter %ld less "
	       "%ld added by interrupts)\n",
	       got, total, plain, atomic, atomic_load(&added));
	if (adding && got < 0)
		printf("about %ld adds made by interrupts were lost: they fell "
		       "between a load and a store\n",
		       (-got + STEP / 2) / STEP);
	return 0;
}

/* SIGALRM every TICK_NS, taken only by threads that unblock it. */
static timer_t start_ticks(void)
{
	sigset_t alrm;
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	wb_check(pthread_sigmask(SIG_BLOCK, &alrm, NULL), "pthread_sigmask");
	struct sigaction sa = {.sa_handler = on_tick, .sa_flags = SA_RESTART};
	wb_sys(sigaction(SIGALRM, &sa, NULL), "sigaction");
	timer_t timer;
	struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL,
			      .sigev_signo = SIGALRM};
	wb_sys(timer_create(CLOCK_MONOTONIC, &ev, &timer), "timer_create");
	struct itimerspec every = {{0, TICK_NS}, {0, TICK_NS}};
	wb_sys(timer_settime(timer, 0, &every, NULL), "timer_settime");
	return timer;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	adding = !strcmp(mode, "atomic");
	fn = adding                   ? count_atomic
	     : !strcmp(mode, "local") ? count_local
				      : NULL;
	s.iters = argc > 2 ? atol(argv[2]) : 0;
	int n = argc > 3 ? atoi(argv[3]) : 0;
	if (!fn || s.iters < 1 || n < 1) {
		fprintf(stderr, "usage: probe atomic|local ITERS THREADS\n");
		return 2;
	}
	total = n * s.iters;
	wb_check(pthread_mutex_init(&s.lock, NULL), "pthread_mutex_init");
	timer_t timer = start_ticks();
	uint64_t t0 = wb_now_ns();
	int rounds = 0, exact = 1;
	long want = adding ? WANT_ATOMIC : WANT_LOCAL;
	while (exact && atomic_load(&ticks) < want &&
	       wb_now_ns() - t0 < LIMIT_NS) {
		exact = round_of(n);
		rounds++;
	}
	wb_sys(timer_delete(timer), "timer_delete");
	printf("%s, %d rounds of %d threads x %ld: %ld interrupts, %ld saw "
	       "a count part way\n",
	       mode, rounds, n, s.iters, atomic_load(&ticks),
	       atomic_load(&mid));
	int moved = atomic_load(&mid) > 0;
	if (!exact)
		printf("probe: FAIL: updates lost or invented\n");
	else if (adding && !moved)
		printf("probe: FAIL: s->atomic_counter never grew while the "
		       "threads counted: add 1 atomically per increment\n");
	else if (!adding && moved)
		printf("probe: FAIL: the shared counter moved while the "
		       "threads counted: count in a local, merge once\n");
	else
		printf("probe: ok\n");
	return exact && moved == adding ? 0 : 1;
}
