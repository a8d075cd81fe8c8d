/* spy.h: the mutex and sleep calls of the tree's code, seen by audit.c
 * (included there once; drivers.mk wraps the calls with -Wl,--wrap). It
 * - records which account lock a teller waited for while holding which
 *   (ignoring waits under a lock of the tree's own: a gate around both);
 * - counts tries that found an account busy;
 * - in a colliding run, makes tellers meet in step: a teller that has just
 *   taken its first account waits until every other one has taken one too
 *   (or is blocked, asleep or done), and one whose second try failed waits
 *   until the others have made theirs. So two tellers paying each other
 *   both hold one account and both ask for the other's, every time: a
 *   strategy that waits while holding deadlocks at once, and one that
 *   retries without sleeping retries in step for ever (a livelock).
 * watch.h ends a run that deadlocks or stops making progress. */
#ifndef SPY_H
#define SPY_H

#include <errno.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bank.h"
#include "wb.h"

enum { MAX_ACCOUNTS = 4, MAX_TEAM = 3 };

/* Which sanitizer: gcc's macros, or clang's __has_feature. */
#if defined(__SANITIZE_THREAD__)
#define SPY_TSAN 1
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SPY_ASAN 1
#endif
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SPY_TSAN 1
#endif
#if __has_feature(address_sanitizer)
#define SPY_ASAN 1
#endif
#endif

/* Under ThreadSanitizer the spy's atomics are relaxed, so that they add no
 * happens-before edge between tellers that could hide a data race of the
 * tree's. (On x86 they are ordered all the same.) */
#ifdef SPY_TSAN
#define MO memory_order_relaxed
#else
#define MO memory_order_seq_cst
#endif
#define LOAD(x)     atomic_load_explicit(&(x), MO)
#define STORE(x, v) atomic_store_explicit(&(x), v, MO)
#define ADD(x, v)   atomic_fetch_add_explicit(&(x), v, MO)

/* A gate lock around both takes is correct, but ThreadSanitizer still calls
 * the account locks taken both ways under it an inversion; the lock order is
 * checked here instead (spy_order), gates understood. */
const char *__tsan_default_options(void);
const char *__tsan_default_options(void)
{
	return "detect_deadlocks=0";
}

/* PARKED: between two transfers, waiting for the others (audit.c's
 * lockstep rounds). Every state but RUNNING lets the others go on. */
enum state { RUNNING, BLOCKED, ASLEEP, PARKED, DONE };

struct seen {                /* one teller, as the spy sees it */
	atomic_int state;    /* enum state */
	atomic_int wants;    /* the account it is blocked on, or -1 */
	atomic_int held;     /* account locks it holds */
	atomic_long tries;   /* trylocks made while holding an account */
	atomic_long events;  /* times it blocked, slept or missed a first try */
	long then[MAX_TEAM]; /* the others' tries when it took its first */
	long busy;           /* its trylocks that found an account busy */
	bool edge[MAX_ACCOUNTS][MAX_ACCOUNTS]; /* waited for [1] holding [0] */
};

static struct {
	struct bank *bank; /* the bank of this run */
	int n;             /* its tellers */
	bool collide;      /* make them meet in step */
	struct seen seen[MAX_TEAM];
	atomic_int owner[MAX_ACCOUNTS];         /* the teller holding it, -1 */
	bool order[MAX_ACCOUNTS][MAX_ACCOUNTS]; /* every run's edges */
	long retries, busy; /* the tellers' t->retries, and busy tries */
} spy;

static _Thread_local int me = -1;   /* this teller's id, -1 if none */
static _Thread_local unsigned held; /* bit a: holds account a */
static _Thread_local int gates;     /* other mutexes it holds */

int __real_pthread_mutex_lock(pthread_mutex_t *m);
int __real_pthread_mutex_trylock(pthread_mutex_t *m);
int __real_pthread_mutex_unlock(pthread_mutex_t *m);
int __real_nanosleep(const struct timespec *t, struct timespec *left);
int __real_clock_nanosleep(clockid_t c, int flags, const struct timespec *t,
			   struct timespec *left);
int __real_usleep(useconds_t us);
int __real_sched_yield(void);

static void nap_ns(long ns)
{
	__real_nanosleep(&(struct timespec){ns / 1000000000, ns % 1000000000},
			 NULL);
}

/* One turn of a wait loop: spin a little, then nap. */
static void idle(int spin)
{
	if (spin < 100)
		__real_sched_yield();
	else
		nap_ns(20000);
}

static int account(pthread_mutex_t *m)
{
	uintptr_t p = (uintptr_t)m, lo = (uintptr_t)spy.bank->lock;
	if (p < lo || p >= lo + (uintptr_t)spy.bank->accounts * sizeof *m)
		return -1;
	return (int)((p - lo) / sizeof *m);
}

static void set_state(enum state s)
{
	if (me < 0 || !spy.collide)
		return;
	if (s != RUNNING)
		ADD(spy.seen[me].events, 1);
	STORE(spy.seen[me].state, s);
}

/* Waits until every other teller holds an account (first) or has made a
 * try since this one took its first account (!first), or is not in step:
 * it blocked, slept or missed a first try meanwhile, or it is done. */
static void meet(bool first)
{
	long events[MAX_TEAM];
	for (int i = 0; i < spy.n; i++)
		events[i] = LOAD(spy.seen[i].events);
	for (int i = 0; i < spy.n; i++)
		for (int spin = 0; i != me; spin++) {
			struct seen *o = &spy.seen[i];
			if (LOAD(o->state) != RUNNING ||
			    LOAD(o->events) != events[i] ||
			    (first ? LOAD(o->held) > 0
				   : LOAD(o->tries) != spy.seen[me].then[i]))
				break;
			idle(spin);
		}
}

static void took(int a)
{
	if (a < 0) {
		gates++;
		return;
	}
	bool first = held == 0;
	held |= 1u << a;
	if (!spy.collide)
		return;
	struct seen *s = &spy.seen[me];
	if (first)
		for (int i = 0; i < spy.n; i++)
			s->then[i] = LOAD(spy.seen[i].tries);
	STORE(spy.owner[a], me);
	ADD(s->held, 1);
	if (first)
		meet(true);
}

int __wrap_pthread_mutex_lock(pthread_mutex_t *m)
{
	if (me < 0)
		return __real_pthread_mutex_lock(m);
	int a = account(m);
	for (int h = 0; a >= 0 && !gates && h < MAX_ACCOUNTS; h++)
		if (held & 1u << h)
			spy.seen[me].edge[h][a] = true;
	int rc = __real_pthread_mutex_trylock(m);
	if (rc == EBUSY) {
		if (spy.collide)
			STORE(spy.seen[me].wants, a);
		set_state(BLOCKED);
		rc = __real_pthread_mutex_lock(m);
		set_state(RUNNING);
		if (spy.collide)
			STORE(spy.seen[me].wants, -1);
	}
	if (rc == 0)
		took(a);
	return rc;
}

int __wrap_pthread_mutex_trylock(pthread_mutex_t *m)
{
	int rc = __real_pthread_mutex_trylock(m);
	if (me < 0)
		return rc;
	int a = account(m);
	bool second = a >= 0 && held != 0;
	if (rc == 0)
		took(a);
	if (a >= 0 && rc == EBUSY)
		spy.seen[me].busy++;
	if (!spy.collide || a < 0)
		return rc;
	if (second)
		ADD(spy.seen[me].tries, 1);
	if (second && rc == EBUSY)
		meet(false);
	else if (rc == EBUSY)
		ADD(spy.seen[me].events, 1);
	return rc;
}

int __wrap_pthread_mutex_unlock(pthread_mutex_t *m)
{
	int a = me < 0 ? -2 : account(m);
	if (a == -1 && gates > 0)
		gates--;
	if (a >= 0 && held & 1u << a) {
		held &= ~(1u << a);
		if (spy.collide) {
			STORE(spy.owner[a], -1);
			ADD(spy.seen[me].held, -1);
		}
	}
	return __real_pthread_mutex_unlock(m);
}

/* A teller that sleeps or yields steps out of line: the others go on. */
int __wrap_nanosleep(const struct timespec *t, struct timespec *left)
{
	set_state(ASLEEP);
	int rc = __real_nanosleep(t, left);
	set_state(RUNNING);
	return rc;
}

int __wrap_clock_nanosleep(clockid_t c, int flags, const struct timespec *t,
			   struct timespec *left)
{
	set_state(ASLEEP);
	int rc = __real_clock_nanosleep(c, flags, t, left);
	set_state(RUNNING);
	return rc;
}

int __wrap_usleep(useconds_t us)
{
	set_state(ASLEEP);
	int rc = __real_usleep(us);
	set_state(RUNNING);
	return rc;
}

int __wrap_sched_yield(void)
{
	set_state(ASLEEP);
	int rc = __real_sched_yield();
	set_state(RUNNING);
	return rc;
}

/* Before a run of b's tellers; collide: make them meet in step. */
static void spy_open(struct bank *b, bool collide)
{
	spy.bank = b;
	spy.n = (int)b->threads;
	spy.collide = collide;
	for (int a = 0; a < MAX_ACCOUNTS; a++)
		atomic_init(&spy.owner[a], -1);
	for (int i = 0; i < spy.n; i++) {
		struct seen *s = &spy.seen[i];
		*s = (struct seen){.busy = 0};
		atomic_init(&s->state, RUNNING);
		atomic_init(&s->wants, -1);
		atomic_init(&s->held, 0);
		atomic_init(&s->tries, 0);
		atomic_init(&s->events, 0);
	}
}

/* On a teller's thread, before its first transfer and after its last. */
static void spy_start(int id)
{
	me = id;
	held = 0;
	gates = 0;
}

static void spy_stop(void)
{
	set_state(DONE);
	me = -1;
}

/* After the run (its threads joined): keeps what it saw. */
static void spy_close(struct bank *b)
{
	for (int i = 0; i < spy.n; i++) {
		spy.retries += b->tellers[i].retries;
		spy.busy += spy.seen[i].busy;
		for (int h = 0; h < MAX_ACCOUNTS; h++)
			for (int a = 0; a < MAX_ACCOUNTS; a++)
				spy.order[h][a] |= spy.seen[i].edge[h][a];
	}
}

/* Every lock wait seen so far fits one global order: no edge "waited for
 * a while holding h" with a path of such edges leading back from a to h. */
static bool spy_order(void)
{
	bool reach[MAX_ACCOUNTS][MAX_ACCOUNTS];
	memcpy(reach, spy.order, sizeof reach);
	for (int k = 0; k < MAX_ACCOUNTS; k++)
		for (int i = 0; i < MAX_ACCOUNTS; i++)
			for (int j = 0; j < MAX_ACCOUNTS; j++)
				reach[i][j] |= reach[i][k] && reach[k][j];
	for (int h = 0; h < MAX_ACCOUNTS; h++)
		for (int a = 0; a < MAX_ACCOUNTS; a++)
			if (spy.order[h][a] && reach[a][h]) {
				printf("lock-order inversion: a teller waited "
				       "for account %d while holding %d, and "
				       "for %d while holding %d\n",
				       a, h, h, a);
				return false;
			}
	printf("lock order: one global order, no cycle of waits possible\n");
	return true;
}

#endif
