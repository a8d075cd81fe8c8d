/* interp.c: the toy interpreter's eval loop and its bytecodes. A cpu
 * bytecode computes, an io one waits in a blocking call, and kind counter
 * runs `counter += 1` on a global as three bytecodes: load, add, store. */
#include <stdlib.h>

#include "interp.h"
#include "wb.h"

atomic_long interp_progress;

void interp_init(struct interp *in, enum kind k, enum check_at c, bool gil,
		 long interval_us)
{
	*in = (struct interp){.kind = k, .check_at = c};
	gil_init(&in->gil, gil, interval_us);
}

void interp_destroy(struct interp *in)
{
	gil_destroy(&in->gil);
}

static void enter(atomic_int *now, atomic_int *most)
{
	int n = atomic_fetch_add(now, 1) + 1;
	for (int m = atomic_load(most); n > m;)
		if (atomic_compare_exchange_weak(most, &m, n))
			break;
}

/* One bytecode's work: CPU_UNIT steps of computing. */
static void work(struct interp *in)
{
	enter(&in->inside, &in->most_inside);
	if (wb_burn(CPU_UNIT) == 1)
		abort(); /* never: the sum is not 1, and the call stays */
	atomic_fetch_sub(&in->inside, 1);
}

void op_cpu(struct interp *in, struct tstate *t)
{
	(void)t;
	work(in);
}

void op_io(struct interp *in, struct tstate *t)
{
	enter(&in->blocked, &in->most_blocked);
	(void)t;
	// TODO(lab08): let go of the GIL around this blocking call (gil_blocking_begin/end)
	wb_sleep_ns(IO_NS);
	atomic_fetch_sub(&in->blocked, 1);
}

/* Between two bytecodes of one line: CPython 3.9 checked here too. */
static void inner_check(struct interp *in, struct tstate *t)
{
	if (in->check_at == CHECK_EVERY)
		eval_breaker(&in->gil, t);
}

/* counter += 1, with the global read and written as relaxed atomics: under
 * the GIL that changes nothing, and without it the updates are lost just
 * the same, but the C program has no data race for ThreadSanitizer. */
static void increment(struct interp *in, struct tstate *t)
{
	work(in); /* LOAD_GLOBAL counter */
	long v = atomic_load_explicit(&in->counter, memory_order_relaxed);
	inner_check(in, t);
	work(in); /* BINARY_OP + 1 */
	v += 1;
	inner_check(in, t);
	work(in); /* STORE_GLOBAL counter */
	atomic_store_explicit(&in->counter, v, memory_order_relaxed);
	t->bytecodes += 2;
}

void interp_run(struct interp *in, struct tstate *t, long n)
{
	if (in->kind == KIND_COUNTER)
		n /= 3; /* increments */
	gil_take(&in->gil, t);
	for (long i = 0; i < n && !atomic_load(&in->stop); i++) {
		if (in->kind == KIND_COUNTER)
			increment(in, t);
		else if (in->kind == KIND_IO ||
			 (in->kind == KIND_MIXED && i % 2 == 0))
			op_io(in, t);
		else
			op_cpu(in, t);
		t->bytecodes++;
		if (i % 64 == 0)
			atomic_fetch_add(&interp_progress, 1);
		/* The loop's back edge: since 3.10 the only check here. */
		eval_breaker(&in->gil, t);
	}
	gil_drop(&in->gil, t);
}
