/* ponce.c: does every task run exactly once, on one of the pool's W
 * workers, with its outcome in its own future? 300 tasks on pools of 1, 3
 * and 8 workers with a queue of 4. Prints "ponce: ok" last. */
#include "drv.h"

#define N 300

static atomic_int runs[N]; /* how often task i ran */
static atomic_int tids[N]; /* the thread that ran it */

static void task(void *arg, struct outcome *out)
{
	long i = (long)(intptr_t)arg;
	drv_on_worker();
	atomic_fetch_add(&runs[i], 1);
	atomic_store(&tids[i], drv_tid());
	out->value = i * i + 1;
}

static void check(int w)
{
	static struct future *fs[N];
	struct pool p;
	for (int i = 0; i < N; i++)
		atomic_store(&runs[i], 0);
	pool_init(&p, w, 4);
	for (long i = 0; i < N; i++)
		if (!(fs[i] = pool_submit(&p, task, (void *)(intptr_t)i)))
			drv_fail("pool_submit returned NULL before shutdown");
	for (long i = 0; i < N; i++) {
		char what[40];
		snprintf(what, sizeof what, "task %ld of %d", i, N);
		drv_expect(fs[i], 0, i * i + 1, what);
	}
	pool_shutdown(&p, true, false);
	int seen[N], n = 0;
	for (int i = 0; i < N; i++) {
		if (atomic_load(&runs[i]) != 1)
			drv_fail("%d workers: task %d ran %d times, expected "
				 "once",
				 w, i, atomic_load(&runs[i]));
		int t = atomic_load(&tids[i]), k = 0;
		while (k < n && seen[k] != t)
			k++;
		if (k == n)
			seen[n++] = t;
		future_free(fs[i]);
	}
	pool_free(&p);
	printf("%d workers: %d tasks each ran once, on %d threads\n", w, N, n);
	if (n > w)
		drv_fail("%d threads ran the tasks of a pool of %d workers", n,
			 w);
}

int main(void)
{
	drv_begin("ponce");
	drv_deadline(8000, 1, "the tasks have not all finished after 8 s");
	check(1);
	check(3);
	check(8);
	puts("ponce: ok");
	return 0;
}
