/* mr.h: one map-reduce on MPI ranks. Rank 0 holds the items; mr_scatter
 * shares them out, every rank maps its part (mr_map) and mr_reduce adds the
 * parts into one total on rank 0. A rank that cannot do its part calls
 * mr_fail, which must end the whole job. */
#ifndef MR_H
#define MR_H

#include <mpi.h>
#include <stdint.h>
#include <stdnoreturn.h>

#define MR_BAD        UINT64_MAX /* an item no rank can map: the failure */
#define MR_ABORT_CODE 5          /* the exit status mr_fail gives the job */

/* Item i of the data set: a number below 256. */
uint64_t mr_item(long i);

/* Sum over xs[0..n-1] of wb_burn(x), the guide's compute(); calls mr_fail
 * on an MR_BAD item. */
uint64_t mr_map(const uint64_t *xs, long n, MPI_Comm comm);

/* Collective: all[0..n-1] lives on rank 0 (n is known on every rank).
 * Gives every rank of comm its share in *mine (the caller frees it) and
 * returns how many items that is. Every item goes to exactly one rank, and
 * the shares differ by at most one item. */
long mr_scatter(const uint64_t *all, long n, uint64_t **mine, MPI_Comm comm);

/* Collective: returns the sum of every rank's partial on rank 0 (what it
 * returns on the other ranks is not defined). */
uint64_t mr_reduce(uint64_t partial, MPI_Comm comm);

/* This rank cannot go on: says why, and ends every rank of the job. */
noreturn void mr_fail(MPI_Comm comm, const char *why);

#endif
