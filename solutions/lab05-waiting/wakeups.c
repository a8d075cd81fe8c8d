/* wakeups.c: the event's waits (timed out, set first, set while waiting)
 * and a condition with a predicate loop, each with what the waiting cost:
 * CPU time and how often the kernel woke the waiting thread. */
#include <stdio.h>

#include "demo.h"
#include "event.h"
#include "wb.h"

/* Times the calling thread has been switched out so far (/proc). */
static long switches(void)
{
	FILE *f = fopen("/proc/thread-self/status", "r");
	char line[128];
	long n, sum = 0;
	if (!f)
		wb_die("/proc/thread-self/status", 2 /* ENOENT */);
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "voluntary_ctxt_switches: %ld", &n) == 1)
			sum += n;
	fclose(f);
	return sum;
}

/* One event_wait, and what it cost. */
static void timed(struct event *e, long ms, const char *how)
{
	char lim[32] = "no limit";
	if (ms >= 0)
		snprintf(lim, sizeof lim, "%ld ms", ms);
	long s0 = switches();
	uint64_t t0 = wb_now_ns(), c0 = wb_thread_cpu_ns();
	bool got = event_wait(e, ms);
	double took = (double)(wb_now_ns() - t0) / 1e6;
	double cpu = (double)(wb_thread_cpu_ns() - c0) / 1e6;
	printf("event: wait(%s) %s: returned %s after %.1f ms, "
	       "%.2f ms of CPU, %ld wake-ups\n",
	       lim, how, got ? "true" : "false", took, cpu, switches() - s0);
	atomic_fetch_add(&demo_progress, 1);
}

static void *setter(void *arg)
{
	wb_sleep_ns(20000000); /* 20 ms */
	event_set(arg);
	return NULL;
}

void demo_event(const struct sizes *z)
{
	struct event e;
	pthread_t t;
	event_init(&e);
	atomic_store(&demo_now, "the event's timed wait waited");
	timed(&e, z->timeout_ms, "with nobody to set it");
	event_set(&e);
	timed(&e, z->timeout_ms, "after set");
	event_clear(&e);
	wb_check(pthread_create(&t, NULL, setter, &e), "pthread_create");
	timed(&e, -1, "set 20 ms later by another thread");
	wb_check(pthread_join(t, NULL), "pthread_join");
	event_destroy(&e);
	printf("event: a sleeping waiter wakes about once; a 1 ms poll "
	       "wakes about once per ms\n");
}

/* Python's Condition.wait_for(predicate): all threads wait until every
 * one has arrived. Each wake-up that finds the predicate still false is
 * counted: the loop sends that thread back to sleep. */
static struct gate {
	pthread_mutex_t lock;
	pthread_cond_t arrived_changed;
	long arrived, parties, rechecks;
} g = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};

static void *arrive(void *arg)
{
	(void)arg;
	wb_check(pthread_mutex_lock(&g.lock), "pthread_mutex_lock");
	g.arrived++;
	atomic_fetch_add(&demo_progress, 1);
	wb_check(pthread_cond_broadcast(&g.arrived_changed),
		 "pthread_cond_broadcast");
	while (g.arrived < g.parties) {
		wb_check(pthread_cond_wait(&g.arrived_changed, &g.lock),
			 "pthread_cond_wait");
		if (g.arrived < g.parties)
			g.rechecks++;
	}
	wb_check(pthread_mutex_unlock(&g.lock), "pthread_mutex_unlock");
	return NULL;
}

void demo_condition(const struct sizes *z)
{
	atomic_store(&demo_now, "threads waited for each other's arrival");
	g.parties = z->threads;
	demo_team(z->threads, arrive, NULL);
	printf("condition: %ld threads waited until all %ld had arrived; "
	       "%ld wake-ups found the predicate still false and slept "
	       "again (an if would have let them through)\n",
	       z->threads, g.parties, g.rechecks);
}
