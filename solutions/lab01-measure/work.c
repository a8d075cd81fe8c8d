/* work.c: stand-ins for a job that computes (the busy loop of wb_burn) and
 * for one that waits for I/O (a read from a timerfd, a file descriptor that
 * a kernel timer makes readable). A mixed job alternates the two. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "wb.h"
#include "work.h"

enum { SLICE_MS = 10 }; /* a mixed job alternates in slices this long */

static volatile uint64_t sink; /* keeps the burn's result alive */

/* Burns in small steps until this thread's CPU clock has gone ms further:
 * the loop calibrates itself. Thread CPU time, not wall: on a busy machine
 * the loop is switched out for a while, but its CPU time still adds up. */
void busy_ms(double ms)
{
	uint64_t t0 = wb_thread_cpu_ns();
	while ((double)(wb_thread_cpu_ns() - t0) < ms * 1e6)
		sink += wb_burn(10000); /* about 10 us a step */
}

void wait_ms(double ms)
{
	if (ms <= 0)
		return;
	int fd = wb_sys(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC),
			"timerfd_create");
	long ns = (long)(ms * 1e6);
	struct itimerspec when = {
		.it_value = {ns / 1000000000, ns % 1000000000 + (ns == 0)}};
	wb_sys(timerfd_settime(fd, 0, &when, NULL), "timerfd_settime");
	uint64_t expiries; /* read blocks until the timer has fired */
	if (wb_sys((int)read(fd, &expiries, sizeof expiries), "read timerfd") !=
	    sizeof expiries)
		wb_die("read timerfd", EIO);
	close(fd);
}

void run_job(void *arg)
{
	const struct job *j = arg;
	for (double done = 0; done < j->ms; done += SLICE_MS) {
		double slice =
			j->ms - done < SLICE_MS ? j->ms - done : SLICE_MS;
		busy_ms(slice * j->ratio);
		wait_ms(slice * (1 - j->ratio));
	}
}

double queued(void)
{
	/* Fields: ns on a CPU, ns waiting for one, times run. */
	unsigned long long ran, waited = 0;
	FILE *f = fopen("/proc/self/schedstat", "r");
	if (f) {
		if (fscanf(f, "%llu %llu", &ran, &waited) != 2)
			waited = 0;
		fclose(f);
	}
	return (double)waited / 1e9;
}
