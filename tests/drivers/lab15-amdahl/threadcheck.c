/* threadcheck.c: a test driver. It calls the lab's run_pthreads() on 1 to
 * 16 threads, with fewer units than threads and with none, and watches it
 * from outside (watch.h): n threads made for n parts, each part with units
 * on a thread of its own and all at once, every thread joined, every unit
 * computed once, the right sum. Run: threadcheck; "threadcheck: ok" last. */
#define _GNU_SOURCE /* gettid */
#include <stdio.h>
#include <unistd.h>

#include "watch.h"

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
