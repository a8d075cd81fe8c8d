/* watch.c: waits for mpirun, so that no job can hang. Open MPI 4.1.4's
 * mpirun now and then hangs or crashes after an MPI_Abort once every rank
 * has ended; a stop signal (Ctrl-C) or the time limit ends the job too. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "launch.h"
#include "wb.h"

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

int watch_job(pid_t pid, long limit_ms, volatile sig_atomic_t *stop)
{
	uint64_t start = wb_now_ns(), ended = 0;
	int status, seen = 0;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		uint64_t now = wb_now_ns();
		int alive = running_children(pid);
		seen |= alive > 0;
		if (seen && !ended && alive == 0)
			ended = now;
		/* Every rank has ended: mpirun gets 1 s to follow. */
		bool stuck = ended && now - ended > 1000000000u;
		bool hung = now - start > (uint64_t)limit_ms * 1000000u;
		if (stuck || hung || *stop) {
			kill(-pid, SIGKILL); /* mpirun and every rank */
			waitpid(pid, &status, 0);
			return hung && !stuck && !*stop ? WATCH_HUNG
							: 128 + SIGKILL;
		}
		wb_sleep_ns(10000000);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
