/* threadcheck.c: a test driver. It calls the lab's run_pthreads() and
 * watches it from outside: pthread_create and pthread_join are wrapped (the
 * threads made and joined), and so are do_part and unit_sum (which kernel
 * thread computed each unit). Each part must wait at a meeting point until
 * every part has started, so parts run one after another fail at once.
 * Run: threadcheck; "threadcheck: ok" comes last. */
#define _GNU_SOURCE /* gettid */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "amdahl.h"

enum { MAXT = 64, MAXU = 128 };
static struct thread {
	pthread_t id;
	pid_t tid; /* written by the thread itself, read after its join */
	bool joined;
	void *(*fn)(void *);
	void *arg;
} made[MAXT];
static int nmade, want, started, kase; /* want: the parts with units */
static pid_t caller, who[MAXU];        /* who computed each unit */
static int times[MAXU], outside;       /* and how often */
static long lo, hi;                    /* the case's units: [lo, hi) */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t met = PTHREAD_COND_INITIALIZER;
static char why[300]; /* the first thing that went wrong in this case */

/* Keeps the first failure of the case, and frees any waiting thread. */
static void fail(const char *fmt, ...)
{
	va_list ap;
	pthread_mutex_lock(&lock);
	if (!why[0]) {
		va_start(ap, fmt);
		vsnprintf(why, sizeof why, fmt, ap);
		va_end(ap);
	}
	pthread_cond_broadcast(&met);
	pthread_mutex_unlock(&lock);
}

/* A thread starts its part: wait until every part with units has. */
static void meet(void)
{
	static __thread int my_case; /* the case this thread has met in */
	if (gettid() == caller) {
		fail("a part ran on the calling thread, not on a thread of "
		     "its own");
		return;
	}
	if (my_case == kase) {
		fail("one thread ran two parts");
		return;
	}
	my_case = kase;
	struct timespec end;
	clock_gettime(CLOCK_REALTIME, &end);
	end.tv_sec += 3;
	pthread_mutex_lock(&lock);
	if (++started == want)
		pthread_cond_broadcast(&met);
	while (started < want && !why[0])
		if (pthread_cond_timedwait(&met, &lock, &end) == ETIMEDOUT)
			break;
	int late = started < want && !why[0] ? started : -1;
	pthread_mutex_unlock(&lock);
	if (late >= 0)
		fail("after 3 s, only %d of the %d parts had started: they do "
		     "not run at once",
		     late, want);
}

/* Notes that the calling thread computes `count` units from `first`.
 * Relaxed atomics: they give ThreadSanitizer no order between threads. */
static void note(long first, long count)
{
	for (long u = first; u < first + count && u < hi + MAXU; u++) {
		if (u < lo || u >= hi) {
			__atomic_fetch_add(&outside, 1, __ATOMIC_RELAXED);
			continue;
		}
		__atomic_store_n(&who[u - lo], gettid(), __ATOMIC_RELAXED);
		__atomic_fetch_add(&times[u - lo], 1, __ATOMIC_RELAXED);
	}
}

/* The wrapped calls; the lab reaches the real ones through these. */
void *__real_do_part(void *part);
uint64_t __real_unit_sum(long unit, long size);
int __real_pthread_create(pthread_t *, const pthread_attr_t *,
			  void *(*)(void *), void *);
int __real_pthread_join(pthread_t, void **);

void *__wrap_do_part(void *arg)
{
	struct part *p = arg;
	if (p->count > 0) {
		meet();
		note(p->first, p->count);
	}
	return __real_do_part(arg);
}

/* For a thread function of the lab's own that calls unit_sum. */
uint64_t __wrap_unit_sum(long unit, long size)
{
	static __thread int my_case;
	if (my_case != kase) {
		meet(); /* sets its own my_case: one meeting a thread */
		my_case = kase;
	}
	note(unit, 1);
	return __real_unit_sum(unit, size);
}

static void *begin(void *arg)
{
	struct thread *t = arg;
	t->tid = gettid();
	return t->fn(t->arg);
}

int __wrap_pthread_create(pthread_t *id, const pthread_attr_t *attr,
			  void *(*fn)(void *), void *arg)
{
	if (nmade == MAXT) {
		fail("more than %d threads", MAXT);
		return __real_pthread_create(id, attr, fn, arg);
	}
	struct thread *t = &made[nmade];
	*t = (struct thread){.fn = fn, .arg = arg};
	int err = __real_pthread_create(id, attr, begin, t);
	if (err == 0)
		t->id = *id, nmade++;
	return err;
}

int __wrap_pthread_join(pthread_t id, void **ret)
{
	/* The joining thread waits for this one, which may wait for parts
	 * not yet made: with fewer threads made than parts, nothing runs at
	 * once. */
	if (nmade < want)
		fail("it joined a thread before it had made one for every "
		     "part: the parts run one after another");
	int err = __real_pthread_join(id, ret);
	for (int i = 0; err == 0 && i < nmade; i++)
		if (pthread_equal(made[i].id, id))
			made[i].joined = true;
	return err;
}

/* How many of the threads made are still in the kernel's list. A thread
 * may linger there for a moment after its join, so look for up to 2 s. */
static bool listed(pid_t tid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/self/task/%d", (int)tid);
	return access(path, F_OK) == 0;
}

static int left(void)
{
	int alive = 0;
	if (!listed(gettid())) {
		printf("(no /proc here: threads left running not looked "
		       "for)\n");
		return 0;
	}
	for (int wait = 0; wait < 200; wait++) {
		alive = 0;
		for (int i = 0; i < nmade; i++)
			alive += listed(made[i].tid);
		if (!alive)
			break;
		nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
	}
	return alive;
}

/* The units of the parts in plan, as note() counts them, and their sum. */
static uint64_t expect(const struct part *plan, int n, int *count, int *out)
{
	uint64_t sum = 0;
	*out = 0;
	for (int i = 0; i < n; i++) {
		const struct part *p = &plan[i];
		long end = p->first + p->count;
		for (long u = p->first; u < end && u < hi + MAXU; u++) {
			if (u >= lo && u < hi)
				count[u - lo]++;
			else
				++*out;
			for (long j = u * p->size; j < (u + 1) * p->size; j++)
				sum += (uint64_t)j * (uint64_t)j;
		}
	}
	return sum;
}

/* One call of run_pthreads, checked; returns what went wrong, or NULL.
 * It must run the parts that split() deals, whether or not they are fair:
 * splitcheck judges those. */
static const char *check(int n, long first, long units, long size)
{
	struct part parts[16], plan[16];
	int count[MAXU] = {0}, out;
	split(plan, n, first, units, size);
	kase++, nmade = started = outside = want = 0, why[0] = 0;
	lo = first, hi = first + units;
	for (int i = 0; i < n; i++)
		want += plan[i].count > 0;
	for (long u = 0; u < units; u++)
		who[u] = 0, times[u] = 0;
	uint64_t sum = expect(plan, n, count, &out);
	uint64_t got = run_pthreads(parts, n, first, units, size);

	if (nmade != n)
		fail("it made %d threads for %d parts", nmade, n);
	for (int i = 0; i < nmade; i++)
		if (!made[i].joined)
			fail("thread %d of %d was not joined", i + 1, nmade);
	pthread_mutex_lock(&lock);
	bool bad = why[0];
	pthread_mutex_unlock(&lock);
	if (bad) /* threads may still run: look no further */
		return why;
	int workers = 0;
	for (long u = 0; u < units; u++) {
		if (times[u] != count[u])
			fail("unit %ld was computed %d times, dealt out %d "
			     "times",
			     lo + u, times[u], count[u]);
		if (!times[u])
			continue;
		int k = 0;
		while (k < nmade && made[k].tid != who[u])
			k++;
		if (k == nmade)
			fail("unit %ld was computed on a thread it did not "
			     "make",
			     lo + u);
		bool seen = false; /* is who[u] new? */
		for (long v = 0; v < u && !seen; v++)
			seen = times[v] && who[v] == who[u];
		workers += !seen;
	}
	if (outside != out)
		fail("it computed %d units outside units %ld to %ld, split() "
		     "dealt out %d",
		     outside, lo, hi, out);
	if (workers != want)
		fail("%d threads computed the %d parts with units", workers,
		     want);
	if (got != sum)
		fail("it returned the sum %llu, expected %llu",
		     (unsigned long long)got, (unsigned long long)sum);
	int alive = left();
	if (alive)
		fail("%d of its threads were still running", alive);
	return why[0] ? why : NULL;
}

int main(void)
{
	/* threads, first unit, units, unit size: units < threads, none */
	static const long cases[][4] = {{1, 0, 5, 100},  {4, 7, 101, 50},
					{3, 2, 2, 10},   {2, 5, 0, 10},
					{8, 3, 40, 200}, {16, 0, 67, 30}};
	caller = gettid();
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const long *k = cases[c];
		const char *bad = check((int)k[0], k[1], k[2], k[3]);
		printf("run_pthreads(%ld threads, units %ld to %ld): %s\n",
		       k[0], k[1], k[1] + k[2], bad ? bad : "ok");
		if (bad) {
			fflush(stdout);
			_exit(1); /* the lab's threads may still be running */
		}
	}
	printf("threadcheck: ok\n");
	return 0;
}
