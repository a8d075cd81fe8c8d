/* measure.c: times one call with two clocks: the wall clock says how long
 * the caller waited, getrusage says how much CPU the process used meanwhile.
 * Their ratio tells a job that computes from one that waits. */
#include <sys/resource.h>
#include <time.h>

#include "measure.h"
#include "wb.h"

/* STARTER BEGIN
STARTER END */
static double seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* SOLUTION END */
struct usage measure(void (*work)(void *), void *arg)
{
	struct usage u = {0};
	/* STARTER BEGIN
	work(arg); // TODO(lab01): read a monotonic clock and getrusage(RUSAGE_SELF) before and after, fill u with the differences
	STARTER END */
	struct rusage r0, r1;
	struct timespec t0, t1;
	wb_sys(getrusage(RUSAGE_SELF, &r0), "getrusage");
	wb_sys(clock_gettime(CLOCK_MONOTONIC, &t0), "clock_gettime");
	work(arg);
	wb_sys(clock_gettime(CLOCK_MONOTONIC, &t1), "clock_gettime");
	wb_sys(getrusage(RUSAGE_SELF, &r1), "getrusage");
	/* RUSAGE_SELF counts every thread of the process; the clocks are
	 * read inside the rusage pair so that the CPU spent reading them
	 * is not charged to a wall time that missed it. */
	u.wall = (double)(t1.tv_sec - t0.tv_sec) +
		 (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	u.user = seconds(r1.ru_utime) - seconds(r0.ru_utime);
	u.sys = seconds(r1.ru_stime) - seconds(r0.ru_stime);
	u.vcsw = r1.ru_nvcsw - r0.ru_nvcsw;
	u.ivcsw = r1.ru_nivcsw - r0.ru_nivcsw;
	/* SOLUTION END */
	return u;
}

enum verdict judge(double wall, double cpu)
{
	/* STARTER BEGIN
	(void)wall, (void)cpu;
	return UNKNOWN; // TODO(lab01): compare cpu / wall with IO_BELOW and CPU_FROM
	STARTER END */
	double share = cpu / wall; /* CPUs kept busy, on average */
	if (share < IO_BELOW)
		return IO_BOUND;
	return share < CPU_FROM ? MIXED : CPU_BOUND;
	/* SOLUTION END */
}
