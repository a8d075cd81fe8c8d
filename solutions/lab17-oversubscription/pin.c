/* pin.c: CPU affinity for the demos. A thread's affinity mask is the set
 * of CPUs the scheduler may run it on; sched_setaffinity changes it. The
 * CPUs come from the process's own mask, never from numbers written here:
 * `taskset -c 1` or a container may allow only some of them. */
#define _GNU_SOURCE /* cpu_set_t, sched_getaffinity, pthread_setaffinity_np */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#include "pin.h"
#include "wb.h"

int pin_allowed(cpu_set_t *set)
{
	CPU_ZERO(set);
	wb_sys(sched_getaffinity(0, sizeof *set, set), "sched_getaffinity");
	return CPU_COUNT(set);
}

int pin_choose(const cpu_set_t *allowed, enum pin_mode mode, int index)
{
	/* STARTER BEGIN
	// TODO(lab17): return a CPU of allowed: PIN_SAME the same one for every
	// index, PIN_SPREAD the (index mod count)-th one; PIN_NONE -1
	(void)allowed;
	(void)mode;
	(void)index;
	return -1;
	STARTER END */
	int n = CPU_COUNT(allowed);
	if (mode == PIN_NONE || n == 0)
		return -1;
	/* The k-th CPU in the set: its numbers may have gaps ({1, 4, 5}). */
	int k = mode == PIN_SAME ? 0 : index % n;
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, allowed) && k-- == 0)
			return cpu;
	return -1;
	/* SOLUTION END */
}

int pin_self(int cpu)
{
	if (cpu == -1)
		return 0;
	if (cpu < 0 || cpu >= CPU_SETSIZE)
		return EINVAL;
	/* STARTER BEGIN
	// TODO(lab17): make the calling thread's affinity mask just this CPU;
	// return the error number if the kernel refuses
	return 0;
	STARTER END */
	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	/* Linux keeps a mask per thread: this pins the caller, not the
	 * process (sched_setaffinity(0, ...) would do the same). */
	return pthread_setaffinity_np(pthread_self(), sizeof one, &one);
	/* SOLUTION END */
}

void pin_list(const cpu_set_t *set, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, set))
			continue;
		int last = cpu;
		while (last + 1 < CPU_SETSIZE && CPU_ISSET(last + 1, set))
			last++;
		int n = last == cpu ? snprintf(buf + len, size - len, "%s%d",
					       len ? "," : "", cpu)
				    : snprintf(buf + len, size - len, "%s%d-%d",
					       len ? "," : "", cpu, last);
		if (n < 0 || (size_t)n >= size - len)
			return; /* cut short: the list is for messages only */
		len += (size_t)n;
		cpu = last;
	}
}
