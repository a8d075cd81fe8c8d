/* interp.h: a toy interpreter. Each thread runs a loop of "bytecodes"
 * under the toy GIL and checks the eval breaker where CPython would. */
#ifndef INTERP_H
#define INTERP_H

#include <stdatomic.h>
#include <stdint.h>

#include "ceval_gil.h"

enum kind { KIND_CPU, KIND_IO, KIND_MIXED, KIND_COUNTER };
enum check_at { CHECK_EVERY, CHECK_BACKEDGE }; /* where switches may fall */

#define CPU_UNIT 2000    /* wb_burn(CPU_UNIT): one bytecode, about 1.5 us */
#define IO_NS    200000u /* one blocking call: a 200 us wait */

struct interp {
	struct gil gil;
	enum kind kind;
	enum check_at check_at;
	atomic_long counter; /* kind counter: the Python global */
	atomic_bool stop;    /* set: every loop ends at its next back edge */
	/* What ran at the same moment: threads inside a bytecode, threads
	 * inside a blocking call, and the most of each seen. */
	atomic_int inside, most_inside, blocked, most_blocked;
};

/* Bumped every 64 bytecodes, for the watchdog. */
extern atomic_long interp_progress;

void interp_init(struct interp *in, enum kind k, enum check_at c, bool gil,
		 long interval_us);
void interp_destroy(struct interp *in);

/* Runs n bytecodes of in->kind as thread t (for kind counter, n / 3
 * increments of in->counter): takes the GIL, runs, drops it. */
void interp_run(struct interp *in, struct tstate *t, long n);

/* One bytecode of each kind, run by t holding the GIL. */
void op_cpu(struct interp *in, struct tstate *t);
void op_io(struct interp *in, struct tstate *t); /* a blocking call */

#endif
