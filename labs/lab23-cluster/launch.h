/* launch.h: start this very program on N ranks under mpirun, and watch the
 * job so that it cannot hang: what `make lab23` runs. */
#ifndef LAUNCH_H
#define LAUNCH_H

#include <stdbool.h>

/* True in a process that mpirun started (a rank). */
bool launch_is_rank(void);

/* Runs `mpirun -np ranks --oversubscribe PROG argv[1..]`, PROG being this
 * program, and waits for it. Returns mpirun's exit status (128 + signal if
 * a signal ended it). When the ranks still run after limit_ms, kills the
 * job, says so on stderr and exits 3. */
int launch_job(int ranks, char **argv, long limit_ms);

#endif
