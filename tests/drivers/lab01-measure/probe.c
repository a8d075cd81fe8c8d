/* probe.c: lab01's driver for measure(). It hands the tree's measure() a
 * job of its own (busy, sleeping, in the kernel, or on a second thread),
 * reads the monotonic clock and getrusage(RUSAGE_SELF) itself at the job's
 * start and end (inner) and around the measure() call (outer), and checks
 * inner <= measured <= outer for wall, user, sys and both switch counts.
 * It also sees every clock_gettime and gettimeofday call (-Wl,--wrap):
 * the wall time must come from a clock that never jumps.
 * Run: probe cpu|io|sys|threads; ends with "probe: ok" or "probe: FAIL". */
#define _GNU_SOURCE /* MAP_ANONYMOUS, CLOCK_TAI */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

#include "measure.h"
#include "wb.h"

#define TOL 1e-3 /* s: getrusage counts in microseconds; a margin */

struct point { /* one reading of both clocks */
	double wall, user, sys;
	long vcsw, ivcsw;
};

int __real_clock_gettime(clockid_t id, struct timespec *ts);
int __real_gettimeofday(struct timeval *tv, void *tz);
static int watching, jumpy, calls;

int __wrap_clock_gettime(clockid_t id, struct timespec *ts)
{
	if (watching && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE ||
			 id == CLOCK_TAI))
		jumpy++;
	return __real_clock_gettime(id, ts);
}

int __wrap_gettimeofday(struct timeval *tv, void *tz)
{
	if (watching)
		jumpy++;
	return __real_gettimeofday(tv, tz);
}

static double sec(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static struct point now(void)
{
	struct timespec t;
	struct rusage r;
	__real_clock_gettime(CLOCK_MONOTONIC, &t);
	wb_sys(getrusage(RUSAGE_SELF, &r), "getrusage");
	return (struct point){(double)t.tv_sec + (double)t.tv_nsec / 1e9,
			      sec(r.ru_utime), sec(r.ru_stime), r.ru_nvcsw,
			      r.ru_nivcsw};
}

static struct point in0, in1; /* at the job's start and end */
static int mode;              /* which job */
static const char *const modes[] = {"cpu", "io", "sys", "threads", NULL};

static void *burn(void *arg) /* 40 ms of this thread's CPU */
{
	uint64_t t0 = wb_thread_cpu_ns();
	while (wb_thread_cpu_ns() - t0 < 40000000)
		wb_burn(10000);
	return arg;
}

static void kernel_work(void) /* 30 ms of system time: page faults */
{
	enum { SIZE = 16 << 20 };
	double s0 = now().sys;
	while (now().sys - s0 < 0.03) {
		char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			wb_die("mmap", ENOMEM);
		for (long i = 0; i < SIZE; i += 4096)
			p[i] = 1;
		munmap(p, SIZE);
	}
}

static void job(void *arg)
{
	(void)arg;
	calls++;
	watching = 0;
	in0 = now();
	if (mode == 0)
		burn(NULL);
	if (mode == 1)
		for (int i = 0; i < 5; i++)
			wb_sleep_ns(10000000);
	if (mode == 2)
		kernel_work();
	if (mode == 3) {
		pthread_t t;
		wb_check(pthread_create(&t, NULL, burn, NULL),
			 "pthread_create");
		wb_check(pthread_join(t, NULL), "pthread_join");
	}
	in1 = now();
	watching = 1;
}

/* inner <= got <= outer, for one figure; prints it. */
static int within(const char *what, double in, double got, double out,
		  double tol)
{
	int ok = got >= in - tol && got <= out + tol;
	printf("probe: %-12s measured %10.4f; the job took %10.4f, the "
	       "call %10.4f: %s\n",
	       what, got, in, out, ok ? "ok" : "FAIL");
	return ok;
}

int main(int argc, char **argv)
{
	for (mode = 0; modes[mode]; mode++)
		if (argc == 2 && !strcmp(argv[1], modes[mode]))
			break;
	if (!modes[mode]) {
		fprintf(stderr, "usage: probe cpu|io|sys|threads\n");
		return 2;
	}
	struct point o0 = now();
	watching = 1;
	struct usage u = measure(job, NULL);
	watching = 0;
	struct point o1 = now();
	int ok = within("wall (s)", in1.wall - in0.wall, u.wall,
			o1.wall - o0.wall, TOL);
	ok &= within("user (s)", in1.user - in0.user, u.user, o1.user - o0.user,
		     TOL);
	ok &= within("sys (s)", in1.sys - in0.sys, u.sys, o1.sys - o0.sys, TOL);
	ok &= within("voluntary", (double)(in1.vcsw - in0.vcsw), (double)u.vcsw,
		     (double)(o1.vcsw - o0.vcsw), 0);
	ok &= within("involuntary", (double)(in1.ivcsw - in0.ivcsw),
		     (double)u.ivcsw, (double)(o1.ivcsw - o0.ivcsw), 0);
	if (calls != 1) {
		printf("probe: measure() ran the job %d times, not once\n",
		       calls);
		ok = 0;
	}
	if (jumpy) {
		printf("probe: measure() read a clock that jumps when the "
		       "time of day is set (CLOCK_REALTIME, gettimeofday): "
		       "use CLOCK_MONOTONIC\n");
		ok = 0;
	}
	printf("probe: %s\n", ok ? "ok" : "FAIL");
	return !ok;
}
