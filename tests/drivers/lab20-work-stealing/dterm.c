/* dterm.c central|stealing: termination detection, fed the worst timing.
 * Task 0, the only task, keeps running until every other worker has
 * looked for work and found none (deque_pop is wrapped to see that), and
 * 20 ms more; then it spawns one task per other worker, and those tasks
 * meet: they finish only when all of them run at once. So a worker that quit because it saw
 * nothing, while task 0 still ran, fails the run. After the last task,
 * sched_run must return: no worker may keep looking forever. 2, 3, 4 and
 * 8 workers. Prints "dterm: ok" last. */
#include "drv.h"

#include "created.h"

#define MAXT 64

bool __real_deque_pop(struct deque *d, struct task *t);

static _Thread_local int slot = -1; /* this thread's row in fails */
static atomic_int threads_seen;
static atomic_long fails[MAXT]; /* deque_pop calls that found nothing */

bool __wrap_deque_pop(struct deque *d, struct task *t)
{
	bool got = __real_deque_pop(d, t);
	if (slot < 0)
		slot = atomic_fetch_add(&threads_seen, 1) % MAXT;
	if (!got)
		atomic_fetch_add(&fails[slot], 1);
	return got;
}

static int workers, base; /* base: the threads before sched_run */
static int root_slot;
static atomic_int arrived;

/* The other workers that found nothing at least `times` times. */
static int idle_others(long times)
{
	int n = 0;
	for (int i = 0; i < MAXT; i++)
		n += i != root_slot && atomic_load(&fails[i]) >= times;
	return n;
}

static void no_quitter(const char *when)
{
	int n = drv_ended(base);
	if (n)
		drv_fail("%d of %d worker threads ended %s: no worker may "
			 "quit while a task is pending (queued or running)",
			 n, workers, when);
}

static void meet(struct worker *w, long a, long b)
{
	(void)w, (void)a, (void)b;
	atomic_fetch_add(&arrived, 1);
	while (atomic_load(&arrived) < workers - 1)
		drv_nap();
}

static void root(struct worker *w, long a, long b)
{
	(void)a, (void)b;
	root_slot = slot;
	/* The others look, find nothing, and must go on looking. */
	while (idle_others(1) < workers - 1)
		drv_nap();
	uint64_t t0 = wb_now_ns();
	/* At least 20 ms (a worker may not give up after a while), and until
	 * each has looked twice, or 200 ms (one may sleep until woken). */
	while (drv_ms_since(t0) < 20 ||
	       (idle_others(2) < workers - 1 && drv_ms_since(t0) < 200)) {
		no_quitter("while task 0 still ran");
		drv_nap();
	}
	no_quitter("while task 0 still ran");
	for (int i = 1; i < workers; i++)
		sched_spawn(w, meet, i, 0);
	while (atomic_load(&arrived) < workers - 1) {
		no_quitter("while the tasks task 0 spawned waited to run");
		drv_nap();
	}
	drv_deadline(1500,
		     "sched_run did not return 1.5 s after the last task "
		     "ended (%d workers): a worker keeps looking for work "
		     "when no task is pending",
		     workers);
}

int main(int argc, char **argv)
{
	drv_begin("dterm");
	bool central = argc == 2 && strcmp(argv[1], "central") == 0;
	if (!central && !(argc == 2 && strcmp(argv[1], "stealing") == 0))
		drv_fail("usage: dterm central|stealing");
	base = drv_threads_before();
	static const int ws[] = {2, 3, 4, 8};
	for (size_t k = 0; k < sizeof ws / sizeof ws[0]; k++) {
		workers = ws[k];
		for (int i = 0; i < MAXT; i++)
			atomic_store(&fails[i], 0);
		atomic_store(&arrived, 0);
		root_slot = -1;
		drv_deadline(1500,
			     "%d workers: task 0 spawned a task for each of "
			     "the %d others, and they did not all take one "
			     "within 1.5 s: did a worker stop looking?",
			     workers, workers - 1);
		struct sched s;
		atomic_store(&drv_created, 0);
		sched_init(&s, workers, central ? CENTRAL : STEALING);
		sched_run(&s, root, 0, 0);
		drv_deadline(1000, "sched_destroy hung");
		int left = drv_threads_left(base);
		if (left)
			drv_fail("%d worker threads are left after sched_run "
				 "returned",
				 left);
		sched_destroy(&s);
		printf("%d workers: none quit while task 0 ran, all %d "
		       "others ran a task it spawned, all ended after\n",
		       workers, workers - 1);
	}
	puts("dterm: ok");
	return 0;
}
