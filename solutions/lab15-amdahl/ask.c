/* ask.c: the laws on demand (--predict, --karp-flatt). Nothing is run or
 * timed, so the answers are exact: good for a quick sum, and for tests. */
#include <math.h>
#include <stdio.h>

#include "amdahl.h"

void print_predict(double s, int n, bool csv)
{
	if (csv) {
		printf("serial,threads,amdahl,gustafson\n%g,%d,%.6f,%.6f\n", s,
		       n, amdahl(s, n), gustafson(s, n));
		return;
	}
	printf("serial fraction %g, %d threads\n", s, n);
	printf("Amdahl, the same work on %d threads: speedup %.6f at most\n", n,
	       amdahl(s, n));
	if (s > 0)
		printf("  (and never more than 1/s = %g, however many "
		       "threads)\n",
		       1 / s);
	printf("Gustafson, %d times the parallel work in the same time: "
	       "scaled speedup %.6f\n",
	       n, gustafson(s, n));
}

void print_karp_flatt(double speedup, int n, bool csv)
{
	double e = karp_flatt(speedup, n);
	if (csv) {
		/* Undefined at 1 thread: an empty field, which gnuplot and
		 * spreadsheets read as "no value". */
		printf("speedup,threads,karp_flatt\n%g,%d,", speedup, n);
		if (!isnan(e))
			printf("%.6f", e);
		printf("\n");
	} else if (isnan(e)) {
		printf("speedup %g on 1 thread: Karp-Flatt e is undefined (-), "
		       "it needs 2 threads or more\n",
		       speedup);
	} else {
		printf("speedup %g on %d threads: Karp-Flatt serial fraction "
		       "e = %.6f\n",
		       speedup, n, e);
	}
}
