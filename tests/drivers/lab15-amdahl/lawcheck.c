/* lawcheck.c: a test driver. It calls the lab's amdahl() or karp_flatt()
 * over a table of serial fractions, speedups and thread counts (1 thread,
 * s = 0 and s = 1, a million threads) and compares with the formulas.
 * Run: lawcheck amdahl | lawcheck karp-flatt; "lawcheck: ok" comes last. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "amdahl.h"

static const double fractions[] = {0, 0.01, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 1};
static const double speedups[] = {0.5, 1, 1.6, 2, 3.2, 4, 5, 10, 100, 1e6};
static const int threads[] = {1, 2, 3, 4, 7, 8, 64, 256, 1000000, INT_MAX};
#define LEN(a) (int)(sizeof(a) / sizeof(a)[0])

static int wrong;

/* Counts a wrong answer and shows the first few. Tolerance: one part in a
 * million, as the program prints 6 decimals. */
static void expect(const char *call, double x, int n, double got, double want)
{
	if (fabs(got - want) <= 1e-6 * fmax(1, fabs(want)))
		return;
	if (++wrong <= 8)
		printf("%s(%g, %d) = %.9g, expected %.9g\n", call, x, n, got,
		       want);
}

static void check_amdahl(void)
{
	for (int i = 0; i < LEN(fractions); i++)
		for (int j = 0; j < LEN(threads); j++) {
			long double s = fractions[i], n = threads[j];
			expect("amdahl", fractions[i], threads[j],
			       amdahl(fractions[i], threads[j]),
			       (double)(n / (n * s + 1 - s)));
		}
}

static void check_karp_flatt(void)
{
	for (int j = 1; j < LEN(threads); j++) {
		long double n = threads[j];
		/* Measured speedups, worse and better than n alike. */
		for (int i = 0; i < LEN(speedups); i++) {
			long double S = speedups[i];
			expect("karp_flatt", speedups[i], threads[j],
			       karp_flatt(speedups[i], threads[j]),
			       (double)((n / S - 1) / (n - 1)));
		}
		/* Amdahl's speedup for s must give s back. */
		for (int i = 0; i < LEN(fractions); i++) {
			long double s = fractions[i];
			double S = (double)(n / (n * s + 1 - s));
			expect("karp_flatt", S, threads[j],
			       karp_flatt(S, threads[j]), fractions[i]);
		}
	}
	/* One thread says nothing about s: the header promises NaN. */
	for (int i = 0; i < LEN(speedups); i++) {
		double e = karp_flatt(speedups[i], 1);
		if (!isnan(e) && ++wrong <= 8)
			printf("karp_flatt(%g, 1) = %g, expected NaN\n",
			       speedups[i], e);
	}
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "amdahl") == 0)
		check_amdahl();
	else if (argc == 2 && strcmp(argv[1], "karp-flatt") == 0)
		check_karp_flatt();
	else {
		fprintf(stderr, "usage: lawcheck amdahl|karp-flatt\n");
		return 2;
	}
	if (wrong) {
		printf("lawcheck: %s: %d wrong answers\n", argv[1], wrong);
		return 1;
	}
	printf("lawcheck: ok\n");
	return 0;
}
