/* gcount.c every|backedge: 2 threads each run 3000 increments of the
 * global counter (kind counter: load, add, store) under the GIL, interval
 * 100 us. A switch is forced right after the first load: the first
 * bytecode waits (wb_burn, wrapped here) until the other thread has set a
 * drop request. Checked at every bytecode, a switch then falls between load
 * and store and updates are lost; at back edges only, none may be. */
#include "drv.h"

#define INCREMENTS 3000

uint64_t __real_wb_burn(uint64_t n);

static struct interp in;
static atomic_bool first = true;

uint64_t __wrap_wb_burn(uint64_t n)
{
	if (atomic_exchange(&first, false)) {
		/* The first bytecode of the run: a load. */
		uint64_t start = wb_now_ns();
		while (!atomic_load(&in.gil.drop_request)) {
			if (drv_ms_since(start) > 300)
				drv_fail("no drop request within 0.3 s while a "
					 "thread waited for the GIL (interval "
					 "100 us): set it when a timed wait "
					 "times out");
			wb_sleep_ns(50000);
		}
	}
	return __real_wb_burn(n);
}

static void *thread(void *arg)
{
	interp_run(&in, arg, 3 * INCREMENTS);
	return NULL;
}

int main(int argc, char **argv)
{
	drv_begin("gcount");
	bool every = argc == 2 && strcmp(argv[1], "every") == 0;
	if (argc != 2 || (!every && strcmp(argv[1], "backedge") != 0))
		drv_fail("usage: gcount every|backedge");
	drv_deadline(5000, 1, "2 threads did not finish within 5 s");
	interp_init(&in, KIND_COUNTER, every ? CHECK_EVERY : CHECK_BACKEDGE,
		    true, 100);
	struct tstate t[2] = {{.id = 0}, {.id = 1}};
	pthread_t a, b;
	drv_start(&a, thread, &t[0]);
	drv_start(&b, thread, &t[1]);
	drv_join(a);
	drv_join(b);
	long counted = atomic_load(&in.counter),
	     lost = 2 * INCREMENTS - counted;
	if (in.gil.switch_number < 3)
		drv_fail("the GIL changed hands %lu times: a switch was forced "
			 "after the first load",
			 in.gil.switch_number);
	if (every && lost < 1)
		drv_fail("checked at every bytecode, with a switch forced "
			 "between a load and its store, no update was lost "
			 "(counted %ld)",
			 counted);
	if (!every && lost != 0)
		drv_fail("checked at back edges only, %ld of %d updates were "
			 "lost: a switch fell inside an increment",
			 lost, 2 * INCREMENTS);
	printf("%s: expected %d, counted %ld: %ld lost, %lu switches\n",
	       argv[1], 2 * INCREMENTS, counted, lost, in.gil.switch_number);
	interp_destroy(&in);
	puts("gcount: ok");
	return 0;
}
