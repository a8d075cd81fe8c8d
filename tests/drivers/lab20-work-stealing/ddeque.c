/* ddeque.c order|race: the deque's two ends. order: one thread pushes
 * 1..5 and then pops and steals in turn: steals take the oldest (1, 2,
 * 3), pops the newest (5, 4); both say empty after; the same past the
 * first 64 slots. race: the owner pushes 20000 tasks and pops while three
 * thieves steal; every task is taken exactly once, each thief gets its
 * tasks oldest first. Prints "ddeque: ok" last. */
#include "drv.h"

#define N       20000
#define THIEVES 3

static struct deque d;
static atomic_int taken[N];
static atomic_long stolen;  /* tasks the thieves got */
static atomic_bool popping; /* the owner has begun to pop */
static atomic_bool done;    /* the owner has taken what was left */

static struct task task(long i)
{
	return (struct task){NULL, i, -i};
}

static void expect(bool got, struct task t, long want, const char *what)
{
	if (want < 0 && got)
		drv_fail("%s on an empty deque returned task %ld: it must "
			 "return false",
			 what, t.a);
	if (want >= 0 && !got)
		drv_fail("%s returned false: task %ld was there", what, want);
	if (want >= 0 && (t.a != want || t.b != -want))
		drv_fail("%s returned task %ld, expected %ld (%s)", what, t.a,
			 want,
			 what[0] == 's'
				 ? "a steal takes the oldest, at the top"
				 : "a pop takes the newest, at the bottom");
}

static void order(long base, long n)
{
	struct task t;
	for (long i = 1; i <= n; i++)
		deque_push(&d, task(base + i));
	/* Ends meet in the middle: steal 1, pop n, steal 2, pop n-1, ... */
	for (long lo = 1, hi = n; lo <= hi;) {
		bool got = deque_steal(&d, &t);
		expect(got, t, base + lo++, "steal");
		if (lo > hi)
			break;
		got = deque_pop(&d, &t);
		expect(got, t, base + hi--, "pop");
	}
	expect(deque_steal(&d, &t), t, -1, "steal");
	expect(deque_pop(&d, &t), t, -1, "pop");
}

static void *thief(void *arg)
{
	long last = -1, mine = 0;
	struct task t;
	(void)arg;
	while (!atomic_load(&done)) {
		if (!deque_steal(&d, &t)) {
			/* Before the owner pops, the first 1000 tasks are
			 * there until stolen (each thief may hold one it has
			 * not counted yet): a steal must not come back empty. */
			long n = atomic_load(&stolen);
			if (!atomic_load(&popping) && n + THIEVES < 1000)
				drv_fail("a steal returned false while the "
					 "deque "
					 "held %ld tasks or more",
					 1000 - n - THIEVES);
			sched_yield();
			continue;
		}
		if (t.a < 0 || t.a >= N || t.b != -t.a)
			drv_fail("a steal returned a task never pushed (%ld)",
				 t.a);
		if (t.a <= last)
			drv_fail("a thief stole task %ld after task %ld: "
				 "steals must take the oldest first",
				 t.a, last);
		last = t.a;
		atomic_fetch_add(&taken[t.a], 1);
		atomic_fetch_add(&stolen, 1);
		mine++;
	}
	return (void *)mine;
}

static void race(void)
{
	pthread_t th[THIEVES];
	struct task t;
	long popped = 0;
	for (long i = 0; i < 1000; i++)
		deque_push(&d, task(i));
	for (int i = 0; i < THIEVES; i++)
		wb_check(pthread_create(&th[i], NULL, thief, NULL),
			 "pthread_create");
	drv_deadline(2000, "the thieves stole fewer than 100 of 1000 tasks "
			   "in 2 s");
	while (atomic_load(&stolen) < 100) /* the thieves get some first */
		drv_nap();
	atomic_store(&popping, true);
	drv_deadline(6000, "the race did not end in 6 s");
	for (long i = 1000; i < N; i += 100) {
		for (long k = i; k < i + 100; k++)
			deque_push(&d, task(k));
		long prev = N;
		for (int k = 0; k < 60 && deque_pop(&d, &t); k++) {
			if (t.a < 0 || t.a >= N || t.b != -t.a)
				drv_fail("a pop returned a task never pushed "
					 "(%ld)",
					 t.a);
			if (t.a >= prev)
				drv_fail("the owner popped %ld after %ld: "
					 "pops must take the newest first",
					 t.a, prev);
			prev = t.a;
			atomic_fetch_add(&taken[t.a], 1);
			popped++;
		}
	}
	while (deque_pop(&d, &t)) {
		if (t.a < 0 || t.a >= N)
			drv_fail("a pop returned a task never pushed");
		atomic_fetch_add(&taken[t.a], 1);
		popped++;
	}
	atomic_store(&done, true);
	long by[THIEVES];
	for (int i = 0; i < THIEVES; i++) {
		void *r;
		wb_check(pthread_join(th[i], &r), "pthread_join");
		by[i] = (long)r;
	}
	for (long i = 0; i < N; i++)
		if (atomic_load(&taken[i]) != 1)
			drv_fail("task %ld was taken %d times, expected once",
				 i, atomic_load(&taken[i]));
	printf("%d tasks: %ld popped by the owner, stolen %ld + %ld + %ld\n", N,
	       popped, by[0], by[1], by[2]);
}

int main(int argc, char **argv)
{
	drv_begin("ddeque");
	if (argc != 2 ||
	    (strcmp(argv[1], "order") != 0 && strcmp(argv[1], "race") != 0))
		drv_fail("usage: ddeque order|race");
	drv_deadline(3000, "still running after 3 s");
	deque_init(&d);
	if (argv[1][0] == 'o') {
		order(0, 5);
		order(100, 6);
		order(1000, 1000); /* past the first 64 slots, and wrapped */
		printf("steals took the oldest, pops the newest, both "
		       "stopped at empty\n");
	} else {
		race();
	}
	deque_destroy(&d);
	puts("ddeque: ok");
	return 0;
}
