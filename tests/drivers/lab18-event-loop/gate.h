/* gate.h: wb_burn (the work of "sum") wrapped: each call waits at a gate
 * the driver opens, so the driver knows how many sums are in progress. A
 * call on the server's loop thread fails the run at once. */
#ifndef GATE_H
#define GATE_H

uint64_t __real_wb_burn(uint64_t n);

static atomic_int inside;   /* calls waiting at the gate */
static atomic_int finished; /* calls returned */
static atomic_bool open_;

uint64_t __wrap_wb_burn(uint64_t n)
{
	int loop = atomic_load(&drv_loop_tid);
	if (loop && drv_tid() == loop)
		drv_fail("a sum ran on the loop thread: while it computes, no "
			 "other connection is served; hand it to the pool");
	atomic_fetch_add(&inside, 1);
	while (!atomic_load(&open_))
		wb_sleep_ns(200000);
	atomic_fetch_sub(&inside, 1);
	uint64_t r = __real_wb_burn(n);
	atomic_fetch_add(&finished, 1);
	return r;
}

/* Waits until k calls wait at the gate (the deadline ends a wait too long). */
static inline void gate_wait_inside(int k)
{
	while (atomic_load(&inside) < k)
		wb_sleep_ns(200000);
}

#endif
