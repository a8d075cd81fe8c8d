/* session.c: a private folder for one job's Open MPI files. mpirun keeps
 * its session files under /tmp and the ranks their shared-memory segments
 * (the vader transport) under /dev/shm; a job that is killed leaves both
 * behind. Here both go into one folder of our own, and a janitor process
 * removes it when the launcher ends, however it ends: even SIGKILL closes
 * the launcher's end of a pipe, and the janitor reads that as its cue. */
#define _GNU_SOURCE /* nftw's FTW_DEPTH and FTW_PHYS, pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launch.h"
#include "wb.h"

static pid_t janitor_pid;
static int to_janitor = -1; /* our end of the pipe; the janitor reads */

static int remove_one(const char *path, const struct stat *st, int type,
		      struct FTW *ftw)
{
	(void)st, (void)ftw;
	(void)(type == FTW_DP ? rmdir(path) : unlink(path));
	return 0; /* go on: remove what can be removed */
}

/* Waits for the job's process group (sent first), then for the end of
 * the pipe; makes sure that group is gone, then removes dir. */
static noreturn void janitor(int from_launcher, const char *dir)
{
	/* Ctrl-C and kill reach the whole group: the janitor must outlive
	 * the launcher to clean after it. */
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	pid_t job = 0;
	char end;
	while (read(from_launcher, &job, sizeof job) == -1 && errno == EINTR)
		;
	while (read(from_launcher, &end, 1) == -1 && errno == EINTR)
		;
	/* A launcher killed before it reaped mpirun: end the job, and wait
	 * (2 s at most) until no process of it can write here any more. */
	for (int i = 0; job > 0 && kill(-job, SIGKILL) == 0 && i < 200; i++)
		wb_sleep_ns(10000000);
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	_exit(0);
}

void session_open(char *dir, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, size, "%s/lab23-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		wb_die("mkdtemp", errno);
	/* Set, not defaulted: a folder of a job before must not be reused. */
	setenv("OMPI_MCA_orte_tmpdir_base", dir, 1);
	setenv("OMPI_MCA_btl_vader_backing_directory", dir, 1);
	int fds[2]; /* close-on-exec: mpirun must not keep the pipe open */
	wb_sys(pipe2(fds, O_CLOEXEC), "pipe2");
	fflush(NULL);
	janitor_pid = wb_sys(fork(), "fork");
	if (janitor_pid == 0) {
		close(fds[1]);
		janitor(fds[0], dir);
	}
	close(fds[0]);
	to_janitor = fds[1];
}

void session_watch(pid_t job)
{
	wb_sys((int)write(to_janitor, &job, sizeof job), "write to janitor");
}

void session_close(void)
{
	close(to_janitor);
	while (waitpid(janitor_pid, NULL, 0) == -1 && errno == EINTR)
		;
}
