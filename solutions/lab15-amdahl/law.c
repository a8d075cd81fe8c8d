/* law.c: Amdahl's and Gustafson's laws, and the Karp-Flatt metric that
 * turns a measured speedup back into a serial fraction. */
#include <math.h>

#include "amdahl.h"

/* One thread's time is s + (1 - s) = 1; n threads do the serial part s as
 * before, and the parallel part 1 - s in 1/n of its time. */
double amdahl(double s, int n)
{
	/* STARTER BEGIN
	(void)s, (void)n;
	return 1; // TODO(lab15): return Amdahl's speedup 1 / (s + (1 - s) / n)
	STARTER END */
	return 1 / (s + (1 - s) / n);
	/* SOLUTION END */
}

/* Now n threads run for time 1: s serial, then 1 - s on each thread. One
 * thread would need s + n(1 - s) for the same work. */
double gustafson(double s, int n)
{
	return n - s * (n - 1);
}

/* Solves Amdahl's law for s: if the measured speedup S came only from a
 * serial part, that part would be this big. */
double karp_flatt(double speedup, int n)
{
	if (n == 1)
		return NAN; /* 0 / 0: the formula needs two threads or more */
	/* STARTER BEGIN
	(void)speedup;
	return 0; // TODO(lab15): return (1/S - 1/n) / (1 - 1/n), with S the speedup
	STARTER END */
	return (1 / speedup - 1.0 / n) / (1 - 1.0 / n);
	/* SOLUTION END */
}
