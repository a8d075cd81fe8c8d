/* dpin.c [last]: pin_self. The driver picks the CPUs itself from this
 * process's allowed set (with "last": it first restricts itself to its
 * last allowed CPU, as `taskset -c` would). It starts 2 x CPUs + 1
 * threads; thread i calls pin_self on the (i mod CPUs)-th allowed CPU.
 * Then each thread's mask must be just that CPU, the main thread's must
 * be unchanged, and 2000 sched_getcpu samples per thread, taken while the
 * threads yield, sleep and crowd each other, must all be that CPU. Also:
 * pin_self(-1) changes nothing; a CPU it may not use is refused (an error
 * number, the mask unchanged). Prints "dpin: ok" last. */
#define _GNU_SOURCE /* cpu_set_t, sched_getcpu, pthread_getaffinity_np */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "pin.h"
#include "verdict.h"

#define SAMPLES 2000
#define MAXT    129

static cpu_set_t allowed;
static int cpus[CPU_SETSIZE], ncpus;
static pthread_barrier_t meet;

static bool mask_is(const cpu_set_t *want)
{
	cpu_set_t now;
	wb_check(pthread_getaffinity_np(pthread_self(), sizeof now, &now),
		 "pthread_getaffinity_np");
	return CPU_EQUAL(&now, want);
}

static void *pinned(void *arg)
{
	long i = (long)arg;
	int cpu = cpus[i % ncpus];
	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	int rc = pin_self(cpu);
	if (rc != 0)
		drv_fail("thread %ld: pin_self(%d) returned %d (%s)", i, cpu,
			 rc, strerror(rc));
	if (!mask_is(&one))
		drv_fail("thread %ld: after pin_self(%d) its affinity mask is "
			 "not just CPU %d",
			 i, cpu, cpu);
	int r = pthread_barrier_wait(&meet);
	if (r != 0 && r != PTHREAD_BARRIER_SERIAL_THREAD)
		wb_die("pthread_barrier_wait", r);
	for (int k = 0; k < SAMPLES; k++) {
		int on = sched_getcpu();
		if (on != cpu)
			drv_fail("thread %ld, pinned to CPU %d, ran on CPU %d "
				 "(sample %d)",
				 i, cpu, on, k);
		/* Chances to move it: a wake-up could land anywhere, and a
		 * yield lets the others crowd in. Not every sample: under
		 * load each may wait a whole time slice. */
		if (k % 100 == 99)
			wb_sleep_ns(50000);
		else if (k % 100 == 49)
			sched_yield();
	}
	return NULL;
}

int main(int argc, char **argv)
{
	drv_name = "dpin";
	wb_check(pthread_getaffinity_np(pthread_self(), sizeof allowed,
					&allowed),
		 "pthread_getaffinity_np");
	if (argc == 2 && !strcmp(argv[1], "last")) {
		int last = 0;
		for (int c = 0; c < CPU_SETSIZE; c++)
			if (CPU_ISSET(c, &allowed))
				last = c;
		CPU_ZERO(&allowed);
		CPU_SET(last, &allowed);
		wb_sys(sched_setaffinity(0, sizeof allowed, &allowed),
		       "sched_setaffinity");
	}
	for (int c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &allowed))
			cpus[ncpus++] = c;
	if (pin_self(-1) != 0 || !mask_is(&allowed))
		drv_fail("pin_self(-1) must leave the mask as it is");
	int n = 2 * ncpus + 1 < MAXT ? 2 * ncpus + 1 : MAXT;
	pthread_t t[MAXT];
	wb_check(pthread_barrier_init(&meet, NULL, (unsigned)n),
		 "pthread_barrier_init");
	for (long i = 0; i < n; i++)
		wb_check(pthread_create(&t[i], NULL, pinned, (void *)i),
			 "pthread_create");
	for (int i = 0; i < n; i++)
		wb_check(pthread_join(t[i], NULL), "pthread_join");
	if (!mask_is(&allowed))
		drv_fail("the main thread's mask changed: pin_self must pin "
			 "the calling thread only");
	int bad = CPU_SETSIZE - 1;
	while (bad > 0 && CPU_ISSET(bad, &allowed))
		bad--;
	if (pin_self(bad) == 0)
		drv_fail("pin_self(%d), a CPU this process may not use, "
			 "returned 0: expected an error number (EINVAL)",
			 bad);
	if (!mask_is(&allowed))
		drv_fail("a refused pin_self(%d) changed the mask", bad);
	printf("%d threads pinned over %d CPUs: %d samples each, every one "
	       "on its own CPU\n",
	       n, ncpus, SAMPLES);
	printf("dpin: ok\n");
	return 0;
}
