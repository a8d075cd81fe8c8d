/* time.c: the clocks every measurement in the workbook uses. */
#include <errno.h>
#include <time.h>

#include "wb.h"

static uint64_t read_clock(clockid_t id)
{
	struct timespec ts;
	wb_sys(clock_gettime(id, &ts), "clock_gettime");
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Monotonic: never jumps when the wall clock is set. */
uint64_t wb_now_ns(void)
{
	return read_clock(CLOCK_MONOTONIC);
}

uint64_t wb_cpu_ns(void)
{
	return read_clock(CLOCK_PROCESS_CPUTIME_ID);
}

uint64_t wb_thread_cpu_ns(void)
{
	return read_clock(CLOCK_THREAD_CPUTIME_ID);
}

void wb_sleep_ns(uint64_t ns)
{
	struct timespec left = {(time_t)(ns / 1000000000u),
				(long)(ns % 1000000000u)};
	/* nanosleep reports what is left when a signal cuts it short. */
	while (nanosleep(&left, &left) == -1)
		if (errno != EINTR)
			wb_die("nanosleep", errno);
}
