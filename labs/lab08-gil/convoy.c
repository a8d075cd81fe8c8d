/* convoy.c: the convoy effect, measured and shown. An I/O-bound thread's
 * requests, alone and beside a CPU-bound thread that holds the GIL
 * whenever the I/O thread wakes up. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "convoy.h"
#include "wb.h"

struct client {
	struct interp *in;
	struct tstate t;
	int n;
	double *ms;
};

/* The I/O-bound thread: each request waits in a blocking call, then runs
 * a bytecode with the answer; then the CPU-bound thread may stop. A
 * request's time runs from the end of the last one (the first: from the
 * start, taking the GIL included) until the thread holds the GIL again. */
static void *io_client(void *p)
{
	struct client *c = p;
	uint64_t t0 = wb_now_ns();
	gil_take(&c->in->gil, &c->t);
	for (int i = 0; i < c->n; i++) {
		op_io(c->in, &c->t); /* returns holding the GIL again */
		c->ms[i] = (double)(wb_now_ns() - t0) / 1e6;
		op_cpu(c->in, &c->t);
		eval_breaker(&c->in->gil, &c->t);
		t0 = wb_now_ns();
	}
	gil_drop(&c->in->gil, &c->t);
	atomic_store(&c->in->stop, true);
	return NULL;
}

struct hog {
	struct interp *in;
	struct tstate t;
};

static void *cpu_hog(void *p)
{
	struct hog *h = p;
	/* At most about 0.3 s of bytecodes: it stops when the client is
	 * done, or when its work is, should it never let the client in. */
	interp_run(h->in, &h->t, 200000);
	return NULL;
}

struct result convoy(int n, bool beside_cpu, long interval_us, double *ms)
{
	struct interp in;
	struct client c = {&in, {.id = 0}, n, ms};
	struct hog h = {&in, {.id = 1}};
	pthread_t ct, ht;
	interp_init(&in, KIND_CPU, CHECK_BACKEDGE, true, interval_us);
	if (beside_cpu) {
		wb_check(pthread_create(&ht, NULL, cpu_hog, &h),
			 "pthread_create");
		/* The hog holds the GIL before the first request. */
		while (atomic_load(&in.most_inside) == 0)
			wb_sleep_ns(100000);
	}
	wb_check(pthread_create(&ct, NULL, io_client, &c), "pthread_create");
	wb_check(pthread_join(ct, NULL), "pthread_join");
	if (beside_cpu)
		wb_check(pthread_join(ht, NULL), "pthread_join");
	struct result r = bench_counts(&in);
	interp_destroy(&in);
	return r;
}

static int by_ms(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void convoy_show(long interval_us)
{
	enum { N = 30 };
	double ms[N];
	printf("\nconvoy: an I/O-bound thread makes %d requests (a %u us "
	       "blocking call, then a bytecode)\n",
	       N, IO_NS / 1000);
	struct result r;
	for (int beside = 0; beside < 2; beside++) {
		r = convoy(N, beside, interval_us, ms);
		qsort(ms, N, sizeof ms[0], by_ms);
		printf("  %-28s median %.2f ms, worst %.2f ms per request; "
		       "%ld drop requests, %ld forced switches\n",
		       beside ? "beside a CPU-bound thread:" : "alone:",
		       ms[N / 2], ms[N - 1], r.drop_requests,
		       r.forced_switches);
	}
	if (r.drop_requests > 0)
		printf("=> beside a CPU-bound thread each wake-up waits for "
		       "the GIL until the holder is asked to drop it: up to "
		       "one switch interval (%ld us)\n",
		       interval_us);
	else
		printf("=> no drop request: one thread kept the GIL while the "
		       "other waited for all of its work (worst request "
		       "%.0f ms)\n",
		       ms[N - 1]);
}
