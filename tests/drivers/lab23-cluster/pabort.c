/* pabort.c R (4 ranks): rank R meets a bad item in mr_map while the other
 * ranks wait for it in MPI_Reduce. mr_fail must call MPI_Abort, which ends
 * them all. The driver sees the calls through MPI's profiling interface
 * (its own MPI_Abort and MPI_Finalize call PMPI_Abort and PMPI_Finalize):
 * it prints "pabort: rank R called MPI_Abort with code C". A failing rank
 * that finalizes, exits or returns instead is reported at once, and the
 * driver ends the job itself (PMPI_Abort) rather than wait for the limit. */
#include "drv.h"

static int bad = 1, in_map, aborted;

int MPI_Abort(MPI_Comm comm, int code)
{
	int rank;
	PMPI_Comm_rank(MPI_COMM_WORLD, &rank);
	aborted = 1;
	printf("pabort: rank %d called MPI_Abort with code %d\n", rank, code);
	fflush(stdout);
	return PMPI_Abort(comm, code);
}

/* The failing rank did not call MPI_Abort: say how, and end the job. */
static void not_aborted(const char *how)
{
	printf("pabort: FAIL: rank %d %s, without MPI_Abort: the other ranks "
	       "wait for it in MPI_Reduce\n",
	       bad, how);
	fflush(stdout);
	in_map = 0;
	PMPI_Abort(MPI_COMM_WORLD, 99);
}

int MPI_Finalize(void)
{
	if (in_map)
		not_aborted("called MPI_Finalize in mr_fail");
	return PMPI_Finalize();
}

static void at_exit(void)
{
	if (in_map && !aborted)
		not_aborted("called exit in mr_fail");
}

int main(int argc, char **argv)
{
	drv_name = "pabort";
	MPI_Init(&argc, &argv);
	int rank;
	if (argc > 1)
		bad = atoi(argv[1]);
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	uint64_t xs[3] = {1, 2, rank == bad ? MR_BAD : 3}, total = 0;
	in_map = rank == bad;
	atexit(at_exit);
	uint64_t part = mr_map(xs, 3, MPI_COMM_WORLD);
	if (in_map)
		not_aborted("returned from mr_fail");
	MPI_Reduce(&part, &total, 1, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
	if (rank == 0)
		printf("pabort: FAIL: rank %d failed, yet the reduce ended\n",
		       bad);
	MPI_Finalize();
	return 1;
}
