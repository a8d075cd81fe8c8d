/* watch.h: ends a run of audit.c that cannot finish, with exit status 3 and
 * a report of each teller: at once when tellers wait for each other in a
 * cycle (a deadlock, read from spy.h's record of who holds and who waits in
 * a colliding run), and after STALL_MS without a finished transfer
 * otherwise (a livelock, or a teller stuck some other way). */
#ifndef WATCH_H
#define WATCH_H

#include <pthread.h>
#include <stdlib.h>

#include "spy.h"

#ifndef STALL_MS
#if defined(SPY_TSAN) || defined(SPY_ASAN)
#define STALL_MS 3000 /* sanitizers slow everything down */
#else
#define STALL_MS 1000
#endif
#endif

struct view { /* what every teller was doing at one moment */
	int state[MAX_TEAM], wants[MAX_TEAM], owner[MAX_ACCOUNTS];
	long events[MAX_TEAM];
};

static struct {
	pthread_t thread;
	atomic_bool stop;
	atomic_long *progress; /* transfers finished */
} dog;

/* Held by the watch while it looks, and by main while it sets up a run. */
static pthread_mutex_t looking = PTHREAD_MUTEX_INITIALIZER;

static void look(struct view *v)
{
	memset(v, 0, sizeof *v);
	for (int i = 0; i < spy.n; i++) {
		v->state[i] = LOAD(spy.seen[i].state);
		v->wants[i] = LOAD(spy.seen[i].wants);
		v->events[i] = LOAD(spy.seen[i].events);
	}
	for (int a = 0; a < MAX_ACCOUNTS; a++)
		v->owner[a] = LOAD(spy.owner[a]);
}

/* The teller that teller i is blocked behind in v, or -1. */
static int behind(const struct view *v, int i)
{
	int a = v->wants[i];
	return v->state[i] == BLOCKED && a >= 0 ? v->owner[a] : -1;
}

static bool cycle(const struct view *v)
{
	for (int i = 0; i < spy.n; i++)
		for (int k = 0, t = behind(v, i); k < spy.n && t >= 0; k++) {
			if (t == i)
				return true;
			t = behind(v, t);
		}
	return false;
}

static noreturn void give_up(const struct view *v, bool dead)
{
	static const char *const says[] = {"running", "blocked in a lock",
					   "asleep", "between transfers",
					   "done"};
	long before = 0, after = 0;
	for (int i = 0; i < spy.n; i++)
		before += LOAD(spy.seen[i].tries);
	if (!dead)
		nap_ns(100000000); /* are they still trying? */
	fflush(stdout);
	if (dead)
		fprintf(stderr, "audit: deadlock: tellers wait for each other "
				"in a cycle\n");
	else
		fprintf(stderr, "audit: no transfer finished for %d ms\n",
			STALL_MS);
	for (int i = 0; i < spy.n; i++) {
		after += LOAD(spy.seen[i].tries);
		fprintf(stderr, "  teller %d: %s, holds", i, says[v->state[i]]);
		for (int a = 0; a < MAX_ACCOUNTS; a++)
			if (v->owner[a] == i)
				fprintf(stderr, " account %d", a);
		if (behind(v, i) >= 0)
			fprintf(stderr,
				", waits for account %d (held by "
				"teller %d)",
				v->wants[i], behind(v, i));
		fprintf(stderr, "\n");
	}
	if (!dead && spy.collide && after != before)
		fprintf(stderr, "livelock: the tellers keep trying and failing "
				"in step; a retry must give its lock back and "
				"back off (sleep) first\n");
	fprintf(stderr, "audit: FAIL\n");
	_exit(3); /* the stuck tellers hold locks that exit handlers need */
}

static void *watch(void *unused)
{
	(void)unused;
	struct view last = {.state = {0}}, now;
	long seen = atomic_load(dog.progress);
	uint64_t since = wb_now_ns();
	while (!atomic_load(&dog.stop)) {
		nap_ns(5000000);
		pthread_mutex_lock(&looking);
		look(&now);
		/* Blocked in a cycle twice, 5 ms apart, nobody having moved
		 * in between: they stay blocked for ever. */
		bool dead = cycle(&now) && memcmp(&now, &last, sizeof now) == 0;
		last = now;
		long p = atomic_load(dog.progress);
		if (p != seen)
			seen = p, since = wb_now_ns();
		if (dead || wb_now_ns() - since > STALL_MS * 1000000ull)
			give_up(&now, dead);
		pthread_mutex_unlock(&looking);
	}
	return NULL;
}

/* spy_open, out of the watch's sight. */
static void watch_open(struct bank *b, bool collide)
{
	pthread_mutex_lock(&looking);
	spy_open(b, collide);
	pthread_mutex_unlock(&looking);
}

/* Watches *progress (and the spy) until watch_stop. */
static void watch_start(atomic_long *progress)
{
	dog.progress = progress;
	atomic_init(&dog.stop, false);
	wb_check(pthread_create(&dog.thread, NULL, watch, NULL),
		 "pthread_create");
}

static void watch_stop(void)
{
	atomic_store(&dog.stop, true);
	wb_check(pthread_join(dog.thread, NULL), "pthread_join");
}

#endif
