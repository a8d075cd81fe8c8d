/* dynamic.c race|edges: next_chunk with schedule DYNAMIC.
 * race: 8 threads race for n indices in chunks of k (k = 1, 3, 64 and n
 * not a multiple of k, k = n, k > n): each index exactly once, every chunk
 * exactly k long except the one that ends at n. edges: one thread, one
 * case at a time: the exact chunks, then 0 for ever, begin and end left
 * alone. Prints "dynamic: ok" last. */
#include "drv.h"

static void race_case(long n, long k)
{
	char what[64];
	snprintf(what, sizeof what, "n = %ld, chunk %ld", n, k);
	struct dispatch d;
	dispatch_init(&d, n, DYNAMIC, k, 8);
	long count;
	struct chunk *all = drv_race(&d, n, 8, &count, what);
	long want = (n + k - 1) / k;
	for (long c = 0; c < count; c++) {
		long size = all[c].end - all[c].begin;
		bool last = all[c].end == n;
		if (size != k && !(last && size < k))
			drv_fail("%s: a chunk of %ld, [%ld, %ld): only the "
				 "last chunk may be shorter than %ld",
				 what, size, all[c].begin, all[c].end, k);
	}
	if (count != want)
		drv_fail("%s: %ld chunks handed out, expected ceil(%ld / %ld) "
			 "= %ld",
			 what, count, n, k, want);
	printf("race: %s: %ld chunks, each index once\n", what, count);
	free(all);
}

/* One thread: the chunks must come out as [0, k), [k, 2k), ..., the last
 * cut at n; then 0, again and again, with begin and end untouched. */
static void edge_case(long n, long k)
{
	struct dispatch d;
	dispatch_init(&d, n, DYNAMIC, k, 4);
	for (long b = 0; b < n; b += k) {
		long e = b + k < n ? b + k : n, gb = -1, ge = -1;
		long got = next_chunk(&d, &gb, &ge);
		if (got != e - b || gb != b || ge != e)
			drv_fail("n = %ld, chunk %ld: expected [%ld, %ld) "
				 "(size %ld), got [%ld, %ld) and %ld",
				 n, k, b, e, e - b, gb, ge, got);
	}
	for (int i = 0; i < 3; i++) {
		long gb = -5, ge = -5;
		long got = next_chunk(&d, &gb, &ge);
		if (got != 0 || gb != -5 || ge != -5)
			drv_fail("n = %ld, chunk %ld: after the last chunk "
				 "next_chunk must return 0 and leave begin "
				 "and end alone; call %d returned %ld, [%ld, "
				 "%ld)",
				 n, k, i + 1, got, gb, ge);
	}
	printf("edges: n = %ld, chunk %ld: right\n", n, k);
}

int main(int argc, char **argv)
{
	drv_begin("dynamic");
	if (argc == 2 && strcmp(argv[1], "race") == 0) {
		long cases[][2] = {{30000, 1},   {30000, 3},   {29989, 64},
				   {5000, 5000}, {1000, 4096}, {1, 1}};
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
			race_case(cases[i][0], cases[i][1]);
	} else if (argc == 2 && strcmp(argv[1], "edges") == 0) {
		long cases[][2] = {{10, 1},  {10, 3},   {12, 4}, {10, 10},
				   {10, 11}, {5, 1000}, {1, 1},  {1, 7}};
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
			edge_case(cases[i][0], cases[i][1]);
	} else {
		drv_fail("usage: dynamic race|edges");
	}
	puts("dynamic: ok");
	return 0;
}
