/* gmeet.c on|off: 3 threads run one bytecode each that waits at a barrier
 * of 3 inside the bytecode. Without the GIL they all get there and finish;
 * with it only the holder is inside a bytecode, so they cannot: the
 * watchdog ends the run after 300 ms with status 3. */
#include "drv.h"

#define THREADS 3

static struct gil g;
static pthread_barrier_t meet;

static void *thread(void *arg)
{
	struct tstate *t = arg;
	gil_take(&g, t);
	int rc = pthread_barrier_wait(&meet); /* the bytecode */
	if (rc != 0 && rc != PTHREAD_BARRIER_SERIAL_THREAD)
		wb_die("pthread_barrier_wait", rc);
	eval_breaker(&g, t);
	gil_drop(&g, t);
	return NULL;
}

int main(int argc, char **argv)
{
	drv_begin("gmeet");
	bool on = argc == 2 && strcmp(argv[1], "on") == 0;
	if (argc != 2 || (!on && strcmp(argv[1], "off") != 0))
		drv_fail("usage: gmeet on|off");
	drv_deadline(300, 3,
		     "watchdog: no progress for 300 ms: %d threads wait at a "
		     "barrier of %d inside a bytecode; with the GIL only its "
		     "holder runs bytecode",
		     THREADS, THREADS);
	gil_init(&g, on, 1000);
	wb_check(pthread_barrier_init(&meet, NULL, THREADS),
		 "pthread_barrier_init");
	struct tstate t[THREADS];
	pthread_t th[THREADS];
	for (int i = 0; i < THREADS; i++) {
		t[i] = (struct tstate){.id = i};
		drv_start(&th[i], thread, &t[i]);
	}
	for (int i = 0; i < THREADS; i++)
		drv_join(th[i]);
	printf("%d threads were inside a bytecode at the same moment\n",
	       THREADS);
	puts("gmeet: ok");
	return 0;
}
