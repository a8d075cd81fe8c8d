/* gio.c: an I/O-bound thread runs 6 bytecodes of kind mixed (blocking
 * call, bytecode, ...) through interp_run beside a CPU-bound thread. While
 * the I/O thread is in its blocking call (wb_sleep_ns, wrapped here) the
 * CPU-bound thread must run bytecode: the GIL was let go. When the I/O
 * thread computes again (wb_burn, wrapped here) it must hold the GIL. */
#include "drv.h"

void __real_wb_sleep_ns(uint64_t ns);
uint64_t __real_wb_burn(uint64_t n);

static struct interp in;
static struct tstate io = {.id = 0}, cpu = {.id = 1};
static _Thread_local bool is_io;
static atomic_long cpu_ran;
static atomic_int calls;

/* The I/O thread's blocking call: wait until the other thread has run a
 * bytecode, which it can only do if the GIL was let go. */
void __wrap_wb_sleep_ns(uint64_t ns)
{
	if (!is_io) {
		__real_wb_sleep_ns(ns);
		return;
	}
	atomic_fetch_add(&calls, 1);
	long before = atomic_load(&cpu_ran);
	uint64_t start = wb_now_ns();
	while (atomic_load(&cpu_ran) < before + 2) {
		if (drv_ms_since(start) > 300)
			drv_fail("during the I/O thread's blocking call the "
				 "CPU-bound thread ran no bytecode for 0.3 s: "
				 "let go of the GIL around the blocking call");
		__real_wb_sleep_ns(100000);
	}
}

/* A bytecode of the I/O thread: it must hold the GIL again. */
uint64_t __wrap_wb_burn(uint64_t n)
{
	if (is_io) {
		struct gil s = drv_gil_state(&in.gil);
		if (!s.locked || s.last_holder != &io)
			drv_fail("the I/O thread ran a bytecode after its "
				 "blocking call without holding the GIL: "
				 "take it again when the call returns");
	}
	return __real_wb_burn(n);
}

static void *io_thread(void *arg)
{
	(void)arg;
	is_io = true;
	interp_run(&in, &io, 6);
	atomic_store(&in.stop, true);
	return NULL;
}

static void *cpu_thread(void *arg)
{
	(void)arg;
	gil_take(&in.gil, &cpu);
	while (!atomic_load(&in.stop)) {
		if (wb_burn(300) == 1)
			abort();
		atomic_fetch_add(&cpu_ran, 1);
		eval_breaker(&in.gil, &cpu);
	}
	gil_drop(&in.gil, &cpu);
	return NULL;
}

int main(void)
{
	drv_begin("gio");
	drv_deadline(5000, 1,
		     "the I/O thread and the CPU-bound thread did not finish "
		     "within 5 s");
	interp_init(&in, KIND_MIXED, CHECK_BACKEDGE, true, 500);
	pthread_t a, b;
	drv_start(&a, io_thread, NULL);
	drv_start(&b, cpu_thread, NULL);
	drv_join(a);
	drv_join(b);
	if (atomic_load(&calls) != 3)
		drv_fail("6 bytecodes of kind mixed made %d blocking calls, "
			 "expected 3",
			 atomic_load(&calls));
	interp_destroy(&in);
	printf("3 blocking calls: the CPU-bound thread ran during each\n");
	puts("gio: ok");
	return 0;
}
