/* gwait.c sleep|force: a holder H and a waiter W.
 * sleep: H holds the GIL through one 150 ms bytecode. W, in gil_take, must
 * sleep (little CPU), set the drop request after an interval (5 ms) with no
 * switch, and not return while H holds the GIL. Then H's eval_breaker must
 * hand the GIL to W.
 * force: 10 rounds: H runs short bytecodes; W asks for the GIL (interval
 * 200 us). Once H has seen the drop request, it must run no other bytecode
 * until W has held the GIL: the dropper does not take it straight back. */
#include "drv.h"

static struct gil g;
static struct tstate h = {.id = 0}, w = {.id = 1};
static atomic_bool h_inside, w_held, w_go, w_done;
static atomic_int round_no = -1, w_took = -1;

/* sleep: W waits for the GIL once. */
static void *waiter_once(void *arg)
{
	(void)arg;
	atomic_store(&w_go, true);
	gil_take(&g, &w);
	if (atomic_load(&h_inside))
		drv_fail("gil_take returned while the holder was inside a "
			 "bytecode: wait in a loop until the GIL is free");
	atomic_store(&w_held, true);
	gil_drop(&g, &w);
	return NULL;
}

static void sleep_mode(void)
{
	pthread_t wt;
	gil_init(&g, true, 5000);
	gil_take(&g, &h);
	atomic_store(&h_inside, true);
	drv_start(&wt, waiter_once, NULL);
	while (!atomic_load(&w_go))
		wb_sleep_ns(1000000);
	clockid_t clk;
	wb_check(pthread_getcpuclockid(wt, &clk), "pthread_getcpuclockid");
	struct timespec a, b;
	clock_gettime(clk, &a);
	wb_sleep_ns(150000000); /* one long bytecode, GIL held */
	clock_gettime(clk, &b);
	double cpu_ms = (double)(b.tv_sec - a.tv_sec) * 1e3 +
			(double)(b.tv_nsec - a.tv_nsec) / 1e6;
	if (cpu_ms > 30)
		drv_fail("the waiter used %.0f ms of CPU in 150 ms of waiting: "
			 "it must sleep on the condition variable",
			 cpu_ms);
	struct gil s = drv_gil_state(&g);
	if (!atomic_load(&g.drop_request) || s.drop_requests < 1)
		drv_fail(
			"after 150 ms (30 intervals) without a switch the "
			"drop request is %s and drop_requests is %ld: a waiter "
			"whose timed wait times out must set and count it",
			atomic_load(&g.drop_request) ? "set" : "not set",
			s.drop_requests);
	atomic_store(&h_inside, false);
	eval_breaker(&g, &h);
	if (!atomic_load(&w_held))
		drv_fail("eval_breaker returned with the drop request set, "
			 "but the waiter never held the GIL");
	gil_drop(&g, &h);
	drv_join(wt);
	printf("the waiter slept (%.1f ms of CPU) and asked %ld times\n",
	       cpu_ms, s.drop_requests);
}

enum { ROUNDS = 10 };

/* force: W asks for the GIL once per round. */
static void *waiter_rounds(void *arg)
{
	(void)arg;
	for (int r = 0; r < ROUNDS; r++) {
		while (atomic_load(&round_no) != r)
			wb_sleep_ns(50000);
		gil_take(&g, &w);
		atomic_store(&w_took, r);
		gil_drop(&g, &w);
	}
	atomic_store(&w_done, true);
	return NULL;
}

static void force_mode(void)
{
	pthread_t wt;
	gil_init(&g, true, 200);
	gil_take(&g, &h);
	drv_start(&wt, waiter_rounds, NULL);
	for (int r = 0; r < ROUNDS; r++) {
		bool seen = false;
		uint64_t start = wb_now_ns();
		atomic_store(&round_no, r);
		while (atomic_load(&w_took) != r) {
			if (!seen && drv_ms_since(start) > 400)
				drv_fail("round %d: no drop request within "
					 "400 ms while a thread waited for the "
					 "GIL (interval 200 us)",
					 r);
			if (seen)
				drv_fail("round %d: after the drop request the "
					 "holder ran bytecode again before the "
					 "waiter held the GIL: gil_drop must "
					 "wait "
					 "until another thread has taken it",
					 r);
			if (wb_burn(300) == 1)
				abort();
			seen = atomic_load(&g.drop_request);
			eval_breaker(&g, &h);
		}
	}
	gil_drop(&g, &h);
	drv_join(wt);
	printf("%d rounds: each time the holder let the waiter in first\n",
	       ROUNDS);
}

int main(int argc, char **argv)
{
	drv_begin("gwait");
	if (argc != 2)
		drv_fail("usage: gwait sleep|force");
	drv_deadline(1000, 1,
		     "no progress within 1 s: the waiter never got the GIL "
		     "(is a drop request set after an interval, and honoured "
		     "in eval_breaker?)");
	if (strcmp(argv[1], "sleep") == 0)
		sleep_mode();
	else if (strcmp(argv[1], "force") == 0)
		force_mode();
	else
		drv_fail("usage: gwait sleep|force");
	gil_destroy(&g);
	puts("gwait: ok");
	return 0;
}
