/* cluster.c: one map-reduce on MPI ranks, checked against one process.
 * Run: make lab23 (or cluster --ranks 4 --items 1000003). It starts itself
 * under mpirun; rank 0 shares the items out, every rank maps its part, the
 * parts are reduced on rank 0, which compares with the sum of one process. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "launch.h"
#include "mr.h"
#include "wb.h"

static long ranks = 4, items = 1000003, fail_rank = -1;

/* What every rank runs: share, map, reduce; rank 0 reports. */
static int rank_main(void)
{
	int rank, size;
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	MPI_Comm_size(MPI_COMM_WORLD, &size);
	uint64_t *all = NULL, *mine, reference = 0;
	if (rank == 0) {
		all = wb_alloc((size_t)items * sizeof *all);
		for (long i = 0; i < items; i++)
			all[i] = mr_item(i);
		reference = mr_map(all, items, MPI_COMM_SELF);
	}
	long count = mr_scatter(all, items, &mine, MPI_COMM_WORLD);
	if (rank == fail_rank && count > 0)
		mine[0] = MR_BAD; /* this rank meets an item it cannot map */
	uint64_t total =
		mr_reduce(mr_map(mine, count, MPI_COMM_WORLD), MPI_COMM_WORLD);
	long *counts =
		rank == 0 ? wb_alloc((size_t)size * sizeof *counts) : NULL;
	MPI_Gather(&count, 1, MPI_LONG, counts, 1, MPI_LONG, 0, MPI_COMM_WORLD);
	if (rank == 0) {
		long got = 0;
		printf("%d ranks, %ld items (%ld %% %d = %ld left over)\n",
		       size, items, items, size, items % size);
		for (int r = 0; r < size; r++) {
			printf("  rank %d mapped %ld items\n", r, counts[r]);
			got += counts[r];
		}
		printf("one process: %llu\nthe %d ranks: %llu\n",
		       (unsigned long long)reference, size,
		       (unsigned long long)total);
		if (total == reference && got == items)
			printf("the same: every item was mapped once and every "
			       "part reached rank 0\n");
		else
			printf("WRONG: %ld items were never sent to a rank, "
			       "and rank 0 has %s\n",
			       items - got,
			       total == reference ? "the right total"
						  : "a wrong total");
	}
	free(all);
	free(mine);
	free(counts);
	return 0;
}

int main(int argc, char **argv)
{
	const struct wb_opt opts[] = {
		WB_INT("ranks", &ranks, 1, 16, "MPI ranks mpirun starts"),
		WB_INT("items", &items, 1, 10000000, "items to map and reduce"),
		WB_INT("fail-rank", &fail_rank, 0, 15,
		       "this rank meets a bad item and fails (default: none)"),
		WB_OPT_END};
	wb_parse(argc, argv, "cluster",
		 "a map-reduce on MPI ranks (mpirun), checked against one "
		 "process",
		 opts);
	if (fail_rank >= ranks)
		wb_usage_error("--fail-rank: must be below --ranks (%ld), not "
			       "%ld",
			       ranks, fail_rank);
	if (!launch_is_rank()) {
		uint64_t start = wb_now_ns();
		/* 15 s: a hang ends; a correct run on a busy machine does not. */
		int rc = launch_job((int)ranks, argv, 15000);
		printf("mpirun ended with status %d after %.0f ms%s\n", rc,
		       (wb_now_ns() - start) / 1e6,
		       rc == MR_ABORT_CODE ? " (MPI_Abort: a rank failed)"
					   : "");
		return rc == 0 || fail_rank >= 0 ? 0 : 1;
	}
	launch_rank_guard();
	MPI_Init(&argc, &argv);
	rank_main();
	MPI_Finalize();
	return 0;
}
