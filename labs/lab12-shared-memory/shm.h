/* shm.h: lab12's shared memory: a named segment, the counter that several
 * processes share in it, the process-shared, robust lock that guards it,
 * and ring's ring buffer. */
#ifndef SHM_H
#define SHM_H

#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define MAX_PROCS 64 /* --procs at most */

/* segment.c: creates the shared memory object NAME ("/lab12-..."), SIZE
 * bytes of zeros, and maps it shared; the map is all that is left of it, so
 * no crash can leave the name in /dev/shm. Dies on failure. */
void *segment_create(const char *name, size_t size);
/* Unmaps it; unlinks NAME if it is still there and returns true if it was
 * (a segment that a crash before now would have left behind). */
bool segment_free(const char *name, void *map, size_t size);

/* lock.c: makes *m a mutex that works across processes (process-shared)
 * and survives a holder that dies (robust). Dies on failure. */
void shared_mutex_init(pthread_mutex_t *m);

enum mode { UNSAFE, MUTEX, ATOMIC };

/* What the processes share, at the start of the segment. */
struct counter {
	pthread_mutex_t lock; /* process-shared and robust (mutex mode) */
	long procs;           /* how many processes count */
	/* volatile: every increment is a real load, add and store. */
	volatile long value;   /* the count (unsafe and mutex modes) */
	long tally[MAX_PROCS]; /* mutex mode: each process's own part of value;
				 * under the lock, value == their sum */
	alignas(64) atomic_long avalue; /* the count (atomic mode) */
	alignas(64) atomic_long
		progress;   /* bumped now and then, for the watchdog */
	pid_t recovered_by; /* owner-dies: who found the owner dead, */
	long before, after; /* and value before and after the repair */
};

/* Zeroes nothing (a new segment is zeros): sets procs and the lock. */
void counter_init(struct counter *c, long procs);
/* Takes c->lock. If its holder died, repairs c (counter_repair) and makes
 * the lock consistent again. Returns 1 then, 0 otherwise; either way the
 * caller holds the lock. Dies on any other error. */
int robust_take(struct counter *c);
/* Under the lock, after a holder died half-way through an update: sets
 * value back to the sum of the tallies, and notes who repaired it. */
void counter_repair(struct counter *c);

/* count.c: one run of N processes counting, as shm --demo counter and
 * owner-dies do it. */
struct count_job {
	enum mode mode;
	long procs, iters; /* processes, increments each */
	long victim_at;    /* owner-dies: process 0 dies holding the lock
			     * at this increment; -1: nobody dies */
	long watchdog_ms;  /* how long the count may stall */
};
struct count_result {
	long counted;       /* the shared count at the end */
	long tallied;       /* the sum of the tallies (mutex mode) */
	int killed, failed; /* processes ended by a signal, or by exit != 0 */
	pid_t recovered_by; /* owner-dies: 0 if nobody repaired the count */
	long before, after;
	double ms; /* from the first fork to the last reap */
	bool left; /* the segment's name was left in /dev/shm */
};
void count_run(const struct count_job *job, struct count_result *res);

/* cow.c: the copy-on-write demonstration. */
void cow_demo(long pages);

/* ringbuf.c: ring's buffer, in a segment shared by a writer process and a
 * reader process. */
#define RING_CAP (1 << 20) /* ring bytes */
struct ring {
	pthread_mutex_t lock;           /* --sync lock: guards head and tail */
	bool locked;                    /* --sync lock (else atomics) */
	alignas(64) atomic_ullong head; /* bytes written, ever */
	alignas(64) atomic_ullong tail; /* bytes read, ever */
	alignas(64) atomic_int ready;   /* the reader is waiting */
	atomic_ullong end_ns;           /* when it read the last byte */
	atomic_long progress;           /* for the watchdog */
	alignas(64) unsigned char data[RING_CAP];
};
/* Moves count messages of size bytes through r, from head 0 and tail 0:
 * the writer from buf, each stamped with its number; the reader into buf,
 * each number checked (a wrong one ends the process with status 1). */
void ring_move(struct ring *r, bool writer, unsigned char *buf, long size,
	       long count);

#endif
