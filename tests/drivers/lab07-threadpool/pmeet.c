/* pmeet.c W N MS: a pool of W workers runs N tasks that meet at a barrier
 * of N: they all finish only if N of them run at once. If they have not
 * within MS ms, the watchdog says how many got there and exits 3. */
#include "drv.h"

static pthread_barrier_t meet;

static void task(void *arg, struct outcome *out)
{
	(void)arg;
	drv_on_worker();
	int rc = pthread_barrier_wait(&meet);
	if (rc != 0 && rc != PTHREAD_BARRIER_SERIAL_THREAD)
		wb_die("pthread_barrier_wait", rc);
	out->value = 1;
}

int main(int argc, char **argv)
{
	drv_begin("pmeet");
	if (argc != 4)
		drv_fail("usage: pmeet WORKERS TASKS MS");
	int w = atoi(argv[1]), n = atoi(argv[2]);
	long ms = atol(argv[3]);
	struct future *fs[64];
	struct pool p;
	if (w < 1 || n < 1 || n > 64 || ms < 1)
		drv_fail("usage: pmeet WORKERS TASKS MS");
	wb_check(pthread_barrier_init(&meet, NULL, (unsigned)n),
		 "pthread_barrier_init");
	drv_deadline(ms, 3,
		     "watchdog: no progress for %ld ms: the %d tasks wait at a "
		     "barrier of %d; fewer of them run at once",
		     ms, n, n);
	pool_init(&p, w, n);
	for (int i = 0; i < n; i++)
		if (!(fs[i] = pool_submit(&p, task, NULL)))
			drv_fail("pool_submit returned NULL before shutdown");
	for (int i = 0; i < n; i++)
		drv_expect(fs[i], 0, 1, "a task at the barrier");
	pool_shutdown(&p, true, false);
	for (int i = 0; i < n; i++)
		future_free(fs[i]);
	pool_free(&p);
	printf("%d workers ran %d tasks at once: all met at the barrier\n", w,
	       n);
	puts("pmeet: ok");
	return 0;
}
