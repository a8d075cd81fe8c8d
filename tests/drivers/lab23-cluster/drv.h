/* drv.h: what lab23's MPI drivers share: sub-communicators of 1..4 ranks
 * taken from the job's 4 (MPI_Comm_split), so that one mpirun tests every
 * size. Each driver includes this file once, first. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE

#include <stdlib.h>

#include "mr.h"
#include "verdict.h"

/* The first k ranks of the world, or MPI_COMM_NULL on the others. */
static inline MPI_Comm drv_first(int k)
{
	int rank;
	MPI_Comm c;
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	MPI_Comm_split(MPI_COMM_WORLD, rank < k ? 0 : MPI_UNDEFINED, rank, &c);
	return c;
}

#endif
