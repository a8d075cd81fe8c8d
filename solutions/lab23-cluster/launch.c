/* launch.c: this program as its own mpirun wrapper. mpirun gets a process
 * group of its own, which its ranks join, so one kill(-pgid) ends the
 * whole job; watch.c ends it when it hangs, session.c keeps its files in
 * a folder removed after it. Open MPI 4.1 (Debian 12) refuses to start as
 * root unless told: that setting is made here only when we are root. */
#define _GNU_SOURCE /* setenv, prctl */
#include "launch.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wb.h"

bool launch_is_rank(void)
{
	return getenv("OMPI_COMM_WORLD_SIZE") != NULL;
}

static volatile sig_atomic_t stop_sig; /* SIGINT, SIGTERM or SIGHUP */

static void on_stop(int sig)
{
	stop_sig = sig;
}

int launch_job(int ranks, char **argv, long limit_ms)
{
	char np[16], self[4096], dir[4096];
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
	session_open(dir, sizeof dir);
	/* mpirun has a process group of its own, so Ctrl-C reaches only us:
	 * we end the job and remove its files, then die of the signal. */
	struct sigaction stop = {.sa_handler = on_stop};
	int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &stop, NULL);
	pid_t parent = getpid();
	fflush(NULL);
	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		setpgid(0, 0);
		/* If we are killed (SIGKILL, no cleanup), mpirun goes too. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() != parent)
			_exit(1);
		execvp(args[0], args);
		wb_die("exec mpirun", errno);
	}
	setpgid(pid, pid);
	free(args);
	session_watch(pid);
	int rc = watch_job(pid, limit_ms, &stop_sig);
	session_close();
	if (stop_sig) {
		signal(stop_sig, SIG_DFL);
		raise(stop_sig);
	}
	if (rc == WATCH_HUNG) {
		fprintf(stderr,
			"%s: watchdog: the ranks still ran after %ld ms: the "
			"job was killed\n",
			wb_prog, limit_ms);
		exit(3);
	}
	return rc;
}

void launch_rank_guard(void)
{
	/* A rank is mpirun's child: if mpirun is killed, the rank dies. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1)
		wb_die("prctl", errno);
}

/* Read by AddressSanitizer builds only: Open MPI 4.1 keeps memory to the
 * end on purpose (and unloads its plugins, so the leaks have no names);
 * LeakSanitizer would fail every run. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}
