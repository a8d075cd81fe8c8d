/* launch.c: this program as its own mpirun wrapper. mpirun puts the ranks
 * in the launcher's process group, so one kill(-pgid) ends the whole job.
 * Open MPI 4.1 (Debian 12) refuses to start as root unless told: that
 * setting is made here only when we are root. */
#define _GNU_SOURCE /* setenv */
#include "launch.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wb.h"

bool launch_is_rank(void)
{
	return getenv("OMPI_COMM_WORLD_SIZE") != NULL;
}

/* How many children of pid still run (zombies do not count). */
static int running_children(pid_t pid)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;
	while (d && (e = readdir(d))) {
		char path[64], buf[256], state;
		int ppid;
		snprintf(path, sizeof path, "/proc/%.20s/stat", e->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		size_t len = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[len] = '\0';
		char *p = strrchr(buf, ')'); /* after the command name */
		if (p && sscanf(p + 1, " %c %d", &state, &ppid) == 2 &&
		    ppid == pid && state != 'Z')
			n++;
	}
	if (d)
		closedir(d);
	return n;
}

int launch_job(int ranks, char **argv, long limit_ms)
{
	char np[16], self[4096];
	ssize_t len =
		wb_sys((int)readlink("/proc/self/exe", self, sizeof self - 1),
		       "readlink /proc/self/exe");
	self[len] = '\0';
	snprintf(np, sizeof np, "%d", ranks);
	int argc = 0;
	while (argv[argc])
		argc++;
	char **args = wb_alloc((size_t)(argc + 5) * sizeof *args);
	char *head[] = {"mpirun", "-np", np, "--oversubscribe", self};
	memcpy(args, head, sizeof head);
	memcpy(args + 5, argv + 1, (size_t)argc * sizeof *args);
	/* All ranks run on this machine: shared memory is the only transport
	 * needed, and Open MPI starts twice as fast when it does not probe the
	 * network ones (UCX). On a cluster, mpirun is run by hand instead. */
	setenv("OMPI_MCA_pml", "ob1", 0);
	setenv("OMPI_MCA_btl", "self,vader", 0);
	if (geteuid() == 0) {
		setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 0);
		setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 0);
	}
	fflush(NULL);
	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		setpgid(0, 0);
		execvp(args[0], args);
		wb_die("exec mpirun", errno);
	}
	setpgid(pid, pid);
	free(args);
	uint64_t start = wb_now_ns(), ended = 0;
	int status, seen = 0;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		uint64_t now = wb_now_ns();
		int alive = running_children(pid);
		seen |= alive > 0;
		if (seen && !ended && alive == 0)
			ended = now;
		/* Open MPI 4.1.4's mpirun now and then hangs or crashes after
		 * an MPI_Abort, once every rank has ended: give it 1 s. */
		bool stuck = ended && now - ended > 1000000000u;
		if (stuck || now - start > (uint64_t)limit_ms * 1000000u) {
			kill(-pid, SIGKILL);
			waitpid(pid, &status, 0);
			if (stuck)
				return 128 + SIGKILL;
			fprintf(stderr,
				"%s: watchdog: the ranks still ran after %ld "
				"ms: the job was killed\n",
				wb_prog, limit_ms);
			exit(3);
		}
		wb_sleep_ns(10000000);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Read by AddressSanitizer builds only: Open MPI 4.1 keeps memory to the
 * end on purpose (and unloads its plugins, so the leaks have no names);
 * LeakSanitizer would fail every run. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}
