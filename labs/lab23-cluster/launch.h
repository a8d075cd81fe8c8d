/* launch.h: start this very program on N ranks under mpirun, and watch the
 * job so that it cannot hang: what `make lab23` runs. */
#ifndef LAUNCH_H
#define LAUNCH_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* True in a process that mpirun started (a rank). */
bool launch_is_rank(void);

/* Runs `mpirun -np ranks --oversubscribe PROG argv[1..]`, PROG being this
 * program, and waits for it. Returns mpirun's exit status (128 + signal if
 * a signal ended it). When the ranks still run after limit_ms, kills the
 * job, says so on stderr and exits 3. */
int launch_job(int ranks, char **argv, long limit_ms);

/* In a rank: die with mpirun, even when it is killed. */
void launch_rank_guard(void);

/* session.c: makes a fresh folder (in TMPDIR, else /tmp) into dir, points
 * Open MPI's session files and segments there, and starts the janitor that
 * removes it once we end. session_watch tells the janitor the job's
 * process group, to end it if we are killed first; session_close ends the
 * janitor, which removes the folder. */
void session_open(char *dir, size_t size);
void session_watch(pid_t job);
void session_close(void);

/* watch.c: waits for mpirun (pid, leader of the job's process group) and
 * returns its exit status, or 128 + signal. Kills the job, mpirun and its
 * ranks, when mpirun outlives its ranks by 1 s, when *stop is set (128 +
 * SIGKILL), or when it has run limit_ms (WATCH_HUNG). */
#define WATCH_HUNG (-1)
int watch_job(pid_t pid, long limit_ms, volatile sig_atomic_t *stop);

#endif
