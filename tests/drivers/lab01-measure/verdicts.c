/* verdicts.c: lab01's driver for judge(). First a table of wall/CPU pairs
 * with the verdict each must get (away from the thresholds' edges); then
 * two jobs the driver times itself, a busy loop and a sleep: the busy one
 * must be CPU-bound and the sleep I/O-bound, also on a busy machine
 * (wall less the time queued for a CPU, as measure.h says).
 * Run: verdicts; ends with "verdicts: ok" or "verdicts: FAIL". */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>

#include "measure.h"
#include "wb.h"

static const char *const names[] = {"unknown", "I/O-bound", "mixed",
				    "CPU-bound"};
static const struct {
	double wall, cpu;
	enum verdict want;
} table[] = {
	/* clang-format off */
	{1, 0, IO_BOUND},    {1, 0.05, IO_BOUND},  {2, 0.3, IO_BOUND},
	{10, 1.5, IO_BOUND}, {0.01, 0.0015, IO_BOUND},
	{1, 0.25, MIXED},    {2, 0.9, MIXED},      {1, 0.45, MIXED},
	{4, 1.2, MIXED},     {1, 0.55, MIXED},     {1, 0.75, MIXED},
	{1, 0.85, CPU_BOUND}, {1, 1, CPU_BOUND},   {3, 2.9, CPU_BOUND},
	{1, 1.9, CPU_BOUND}, {0.002, 0.0019, CPU_BOUND},
	/* clang-format on */
};

static int check(double wall, double cpu, enum verdict want)
{
	enum verdict got = judge(wall, cpu);
	int ok = got == want;
	printf("verdicts: wall %8.4f s, cpu %8.4f s: %-9s (want %s)%s\n", wall,
	       cpu, (unsigned)got < 4 ? names[got] : "?", names[want],
	       ok ? "" : ": FAIL");
	return ok;
}

static double cpu_now(void)
{
	struct rusage r;
	wb_sys(getrusage(RUSAGE_SELF, &r), "getrusage");
	return (double)r.ru_utime.tv_sec + (double)r.ru_utime.tv_usec / 1e6 +
	       (double)r.ru_stime.tv_sec + (double)r.ru_stime.tv_usec / 1e6;
}

/* Seconds this thread has waited for a CPU (its own reading of
 * /proc/self/schedstat, independent of the tree's). */
static double queued(void)
{
	unsigned long long ran, waited = 0;
	FILE *f = fopen("/proc/self/schedstat", "r");
	if (!f || fscanf(f, "%llu %llu", &ran, &waited) != 2)
		wb_die("/proc/self/schedstat", f ? EIO : errno);
	fclose(f);
	return (double)waited / 1e9;
}

/* Times a busy loop of 60 ms of CPU, or a 60 ms sleep, and judges it,
 * with wall less the time spent queued for a CPU. */
static int real(int busy)
{
	double c0 = cpu_now(), q0 = queued();
	uint64_t t0 = wb_now_ns();
	if (busy)
		while (wb_thread_cpu_ns() < 60000000 + (uint64_t)(c0 * 1e9))
			wb_burn(10000);
	else
		wb_sleep_ns(60000000);
	double wall = (double)(wb_now_ns() - t0) / 1e9 - (queued() - q0);
	return check(wall, cpu_now() - c0, busy ? CPU_BOUND : IO_BOUND);
}

int main(void)
{
	int ok = 1;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		ok &= check(table[i].wall, table[i].cpu, table[i].want);
	ok &= real(1);
	ok &= real(0);
	printf("verdicts: %s\n", ok ? "ok" : "FAIL");
	return !ok;
}
