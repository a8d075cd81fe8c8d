/* pmr.c (4 ranks): both exercise functions in one mpirun (Open MPI takes
 * longer to start than the checks take). Each check prints its own verdict
 * on rank 0 and goes on: "pmr: mr_reduce: ok" (or FAIL: why), then
 * "pmr: mr_scatter: ok". mr_reduce comes first: it is one call, so a
 * mr_scatter that crashes or hangs cannot take its verdict away.
 *  - mr_reduce on 1, 2, 3 and 4 ranks gives rank 0 the sum of every rank's
 *    partial, modulo 2^64, as the driver adds it itself; then the whole
 *    map-reduce (the driver's own sharing of 100003 items, mr_map,
 *    mr_reduce) against the driver's own single-process sum.
 *  - mr_scatter on 1, 2, 3 and 4 ranks and item counts that the ranks do
 *    not divide: every item reaches exactly one rank, and the shares
 *    differ by one at most. The items are the driver's own (distinct
 *    numbers); the checks use MPI_Allreduce, not the lab's code. */
#include "drv.h"

static char why[256]; /* rank 0: the first failed check of this part */

#define FAIL(...)                                                              \
	do {                                                                   \
		if (!why[0])                                                   \
			snprintf(why, sizeof why, __VA_ARGS__);                \
	} while (0)

static void verdict(const char *part)
{
	int rank;
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	if (rank == 0) {
		if (why[0])
			printf("pmr: %s: FAIL: %s\n", part, why);
		else
			printf("pmr: %s: ok\n", part);
		fflush(stdout);
	}
	why[0] = '\0';
}

static uint64_t square_sum(uint64_t x) /* wb_burn(x): sum of i*i, i < x */
{
	return x == 0 ? 0 : (x - 1) * x * (2 * x - 1) / 6;
}

static void check_reduce(int wrank)
{
	for (int k = 1; k <= 4; k++) {
		MPI_Comm c = drv_first(k);
		if (c != MPI_COMM_NULL) {
			uint64_t mine = (uint64_t)(wrank + 1) *
					0x9E3779B97F4A7C15u,
				 want = 0;
			for (int r = 0; r < k; r++)
				want += (uint64_t)(r + 1) * 0x9E3779B97F4A7C15u;
			uint64_t got = mr_reduce(mine, c);
			if (wrank == 0 && got != want)
				FAIL("%d ranks: rank 0 got %llu, the sum of "
				     "the "
				     "%d partials is %llu",
				     k, (unsigned long long)got, k,
				     (unsigned long long)want);
			MPI_Comm_free(&c);
		}
		MPI_Barrier(MPI_COMM_WORLD);
	}
	/* The whole map-reduce over 4 ranks: item i is i % 200. */
	long n = 100003, lo = n * wrank / 4, hi = n * (wrank + 1) / 4;
	uint64_t *xs = malloc((size_t)(hi - lo + 1) * sizeof *xs), want = 0;
	for (long i = lo; i < hi; i++)
		xs[i - lo] = (uint64_t)(i % 200);
	for (long i = 0; i < n; i++)
		want += square_sum((uint64_t)(i % 200));
	uint64_t got =
		mr_reduce(mr_map(xs, hi - lo, MPI_COMM_WORLD), MPI_COMM_WORLD);
	if (wrank == 0 && got != want)
		FAIL("4 ranks, %ld items: the map-reduce gave %llu, one "
		     "process "
		     "%llu",
		     n, (unsigned long long)got, (unsigned long long)want);
	free(xs);
}

static uint64_t item(long i)
{
	return (uint64_t)i * 1000003u + 17u;
}

static uint64_t hash(uint64_t x)
{
	x ^= x >> 31;
	x *= 0x9E3779B97F4A7C15u;
	return x ^ (x >> 29);
}

static void check_scatter_once(int k, long n, MPI_Comm c)
{
	int rank;
	MPI_Comm_rank(c, &rank);
	uint64_t *all = NULL, *mine = NULL;
	if (rank == 0) {
		all = malloc((size_t)n * sizeof *all);
		for (long i = 0; i < n; i++)
			all[i] = item(i);
	}
	long count = mr_scatter(all, n, &mine, c);
	uint64_t h = 0, want = 0;
	long lo = count, hi = count, total = 0;
	for (long i = 0; i < count; i++)
		h += hash(mine[i]);
	for (long i = 0; i < n; i++)
		want += hash(item(i));
	MPI_Allreduce(MPI_IN_PLACE, &h, 1, MPI_UINT64_T, MPI_SUM, c);
	MPI_Allreduce(MPI_IN_PLACE, &lo, 1, MPI_LONG, MPI_MIN, c);
	MPI_Allreduce(MPI_IN_PLACE, &hi, 1, MPI_LONG, MPI_MAX, c);
	MPI_Allreduce(&count, &total, 1, MPI_LONG, MPI_SUM, c);
	if (rank == 0 && total != n)
		FAIL("%d ranks, %ld items: the ranks got %ld items in all", k,
		     n, total);
	if (rank == 0 && h != want)
		FAIL("%d ranks, %ld items: the items the ranks got are not the "
		     "items of rank 0, each once",
		     k, n);
	if (rank == 0 && hi - lo > 1)
		FAIL("%d ranks, %ld items: shares from %ld to %ld items (they "
		     "may differ by one at most)",
		     k, n, lo, hi);
	free(all);
	free(mine);
}

static void check_scatter(void)
{
	const long sizes[] = {1, 3, 7, 1001, 100003};
	for (int k = 1; k <= 4; k++) {
		MPI_Comm c = drv_first(k);
		if (c != MPI_COMM_NULL) {
			for (int s = 0; s < 5; s++)
				check_scatter_once(k, sizes[s], c);
			MPI_Comm_free(&c);
		}
		MPI_Barrier(MPI_COMM_WORLD);
	}
}

int main(int argc, char **argv)
{
	drv_name = "pmr";
	MPI_Init(&argc, &argv);
	int wrank;
	MPI_Comm_rank(MPI_COMM_WORLD, &wrank);
	check_reduce(wrank);
	verdict("mr_reduce");
	check_scatter();
	verdict("mr_scatter");
	MPI_Finalize();
	return 0;
}
