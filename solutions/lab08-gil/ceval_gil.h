/* ceval_gil.h: a toy global interpreter lock, modelled on CPython's
 * Python/ceval_gil.c: a flag `locked` guarded by a mutex, a condition
 * variable to wait on with a timeout (the switch interval), a drop request
 * the holder checks between bytecodes, and forced switching. */
#ifndef CEVAL_GIL_H
#define CEVAL_GIL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

/* One thread of the toy interpreter (CPython's PyThreadState). */
struct tstate {
	int id;         /* 0, 1, ...: for reports */
	long bytecodes; /* how many this thread has run */
	long requests;  /* drop requests this thread has set while waiting */
};

struct gil {
	bool enabled;     /* false: free-threaded (PEP 703), no lock */
	long interval_us; /* the switch interval (sys.setswitchinterval) */
	/* Guarded by mutex: */
	bool locked; /* a thread holds the GIL */
	struct tstate
		*last_holder; /* who took it last (also under switch_mutex) */
	unsigned long switch_number; /* times the holder changed */
	long drop_requests; /* times a waiter asked the holder to drop */
	pthread_mutex_t mutex;
	pthread_cond_t cond; /* signalled when locked becomes false */
	/* Forced switching: a dropper waits here until another thread holds
	 * the GIL, so it cannot take it straight back. */
	long forced_switches; /* times a dropper waited (switch_mutex) */
	pthread_mutex_t switch_mutex;
	pthread_cond_t switch_cond; /* signalled when last_holder changes */
	/* The eval breaker: set by a waiter, read by the holder between
	 * bytecodes without any lock, so atomic. */
	atomic_bool drop_request;
};

void gil_init(struct gil *g, bool enabled, long interval_us);
void gil_destroy(struct gil *g);

/* take_gil: returns once t holds the GIL. While it waits, every interval
 * without a switch it asks the holder to drop it. */
void gil_take(struct gil *g, struct tstate *t);
/* drop_gil: t, which holds the GIL, lets it go. After a drop request it
 * returns only once another thread has taken it (forced switching). */
void gil_drop(struct gil *g, struct tstate *t);
/* The check between bytecodes: if a drop was requested, drop the GIL and
 * take it again (another thread runs in between). */
void eval_breaker(struct gil *g, struct tstate *t);

/* Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS: around a blocking call,
 * the GIL is let go and taken back. */
void gil_blocking_begin(struct gil *g, struct tstate *t);
void gil_blocking_end(struct gil *g, struct tstate *t);

#endif
