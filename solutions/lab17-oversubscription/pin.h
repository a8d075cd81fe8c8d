/* pin.h: CPU affinity. Which CPUs this process may run on, which of them
 * a thread of a team should be pinned to, and pinning the calling thread.
 * Include it after defining _GNU_SOURCE (cpu_set_t is a GNU extension). */
#ifndef PIN_H
#define PIN_H

#include <sched.h>
#include <stddef.h>

enum pin_mode {
	PIN_NONE,   /* the scheduler places the threads */
	PIN_SAME,   /* every thread on one CPU */
	PIN_SPREAD, /* each thread on a CPU of its own, while there are any */
};

/* The CPUs the calling thread may run on (sched_getaffinity); returns how
 * many. Call it before pinning anything: a pinned thread gets its pin. */
int pin_allowed(cpu_set_t *set);

/* The CPU that thread number index (0, 1, ...) of a team is pinned to,
 * taken from allowed, whatever numbers it holds: -1 for PIN_NONE (not
 * pinned); for PIN_SAME one allowed CPU, the same for every index; for
 * PIN_SPREAD a different allowed CPU for each index until every allowed
 * CPU has one, then round again. -1 if allowed is empty. */
int pin_choose(const cpu_set_t *allowed, enum pin_mode mode, int index);

/* Pins the calling thread (only it) to cpu; -1 leaves it as it is.
 * Returns 0 or an error number (EINVAL: a CPU it may not run on). */
int pin_self(int cpu);

/* Writes set as a list, "0-3,6", into buf. */
void pin_list(const cpu_set_t *set, char *buf, size_t size);

#endif
