/* job [-g GRACE_MS] LIMIT_MS NP DRIVER [ARG...]: runs `mpirun -np NP
 * --oversubscribe DRIVER ARG...` (DRIVER a program of this folder) and
 * watches it, without trusting the lab's code. Prints, after the job's own
 * output:
 *   job: ranks ended after N ms   (or: job: hung: ranks ran LIMIT_MS ms)
 *   job: mpirun exit N            (or: killed by signal N / hung after its
 *                                  ranks ended: Open MPI 4.1.4 after MPI_Abort)
 *   job: left: none               (or the processes still there)
 * and exits 0 only if mpirun exited 0 and nothing was left. mpirun gets
 * GRACE_MS (default 1000) to exit once its ranks have ended; after an
 * MPI_Abort it often hangs or crashes instead (Open MPI 4.1.4, Debian 12). */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "procs.h"
#include "verdict.h"

int main(int argc, char **argv)
{
	drv_name = "job";
	long grace = 1000;
	if (argc > 2 && strcmp(argv[1], "-g") == 0) {
		grace = atol(argv[2]);
		argv += 2;
		argc -= 2;
	}
	if (argc < 4)
		drv_fail(
			"usage: job [-g GRACE_MS] LIMIT_MS NP DRIVER [ARG...]");
	long limit = atol(argv[1]);
	char self[4096], prog[4200];
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	if (len < 0)
		drv_fail("readlink: %s", strerror(errno));
	self[len] = '\0';
	snprintf(prog, sizeof prog, "%s/%s", dirname(self), argv[3]);
	char **args = calloc((size_t)argc + 2, sizeof *args);
	char *head[] = {"/usr/bin/mpirun", "-np", argv[2], "--oversubscribe",
			prog};
	memcpy(args, head, sizeof head);
	for (int i = 4; i < argc; i++)
		args[i + 1] = argv[i];
	/* One machine: shared memory only. Open MPI then skips probing the
	 * network transports (UCX), which halves its start (0.4 -> 0.2 s). */
	setenv("OMPI_MCA_pml", "ob1", 0);
	setenv("OMPI_MCA_btl", "self,vader", 0);
	if (geteuid() == 0) { /* only outside the jail */
		setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 0);
		setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 0);
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		execv(args[0], args);
		_exit(127);
	}
	setpgid(pid, pid);
	uint64_t start = wb_now_ns(), ended = 0;
	int status = 0, seen = 0, hung = 0, stuck = 0;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		uint64_t now = wb_now_ns();
		int alive = others(pid, NULL, 0);
		seen |= alive > 0;
		if (seen && !ended && alive == 0)
			ended = now;
		stuck = ended && now - ended > (uint64_t)grace * 1000000u;
		hung = !ended && now - start > (uint64_t)limit * 1000000u;
		if (stuck || hung) {
			kill(-pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		wb_sleep_ns(5000000);
	}
	if (!ended)
		ended = wb_now_ns();
	if (hung && !stuck)
		printf("job: hung: ranks ran %ld ms\n", limit);
	else
		printf("job: ranks ended after %ld ms\n",
		       drv_ms_since(start) -
			       (long)((wb_now_ns() - ended) / 1000000u));
	if (stuck)
		printf("job: mpirun hung after its ranks ended\n");
	else if (hung)
		printf("job: mpirun killed\n");
	else if (WIFEXITED(status))
		printf("job: mpirun exit %d\n", WEXITSTATUS(status));
	else
		printf("job: mpirun killed by signal %d\n", WTERMSIG(status));
	/* Whatever the job started ended with it: give the reaping 1 s. */
	char left[4096];
	for (int i = 0; i < 100 && others(-1, left, sizeof left); i++)
		wb_sleep_ns(10000000);
	printf("job: left:%s\n",
	       others(-1, left, sizeof left) ? left : " none");
	return !hung && !stuck && WIFEXITED(status) &&
			       WEXITSTATUS(status) == 0 && !left[0]
		       ? 0
		       : 1;
}
