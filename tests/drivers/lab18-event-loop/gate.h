/* gate.h: wb_burn (the work of "sum") wrapped: each call waits at a gate
 * the driver opens, so the driver knows how many sums are in progress, and
 * which threads ran them. A call on the server's loop thread fails the run
 * at once. */
#ifndef GATE_H
#define GATE_H

uint64_t __real_wb_burn(uint64_t n);

static atomic_int inside;   /* calls waiting at the gate */
static atomic_int finished; /* calls returned */
static atomic_bool open_;
#define GATE_TIDS 64
static atomic_int burners[GATE_TIDS]; /* threads that called wb_burn */

/* Notes the calling thread in burners, once. */
static void gate_note_thread(void)
{
	int me = drv_tid();
	for (int i = 0; i < GATE_TIDS; i++) {
		int was = 0;
		if (atomic_compare_exchange_strong(&burners[i], &was, me) ||
		    was == me)
			return;
	}
}

uint64_t __wrap_wb_burn(uint64_t n)
{
	int loop = atomic_load(&drv_loop_tid);
	if (loop && drv_tid() == loop)
		drv_fail("a sum ran on the loop thread: while it computes, no "
			 "other connection is served; hand it to the pool");
	gate_note_thread();
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
