/* killjob SIGNAL: the cluster launcher, killed half-way, must leave
 * nothing behind. Starts this folder's cluster (16 ranks, 10 million
 * items), waits until its ranks run, sends it SIGNAL (a number) and gives
 * what is left 3 s to go. Run in the jail, where /tmp and /dev/shm are
 * this run's own. Prints:
 *   killjob: cluster ended by signal N   (or: exit N, or: ended too soon)
 *   killjob: printed after the signal: 0 bytes  (else the job went on)
 *   killjob: left: none                  (or the processes still there)
 *   killjob: files: none                 (or what /tmp and /dev/shm hold) */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "procs.h"
#include "verdict.h"

static char self[4096]; /* our own path: its folder may be in /tmp */

/* The names in dir, appended to out; how many. The folder that holds
 * this program (the jail keeps it, maybe under /tmp) does not count. */
static int entries(const char *dir, char *out, size_t size)
{
	size_t dlen = strlen(dir);
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	while (d && (e = readdir(d))) {
		size_t nlen = strlen(e->d_name);
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (strncmp(self, dir, dlen) == 0 && self[dlen] == '/' &&
		    strncmp(self + dlen + 1, e->d_name, nlen) == 0 &&
		    self[dlen + 1 + nlen] == '/')
			continue;
		n++;
		if (strlen(out) + 300 < size)
			snprintf(out + strlen(out), size - strlen(out),
				 " %s/%s", dir, e->d_name);
	}
	if (d)
		closedir(d);
	return n;
}

int main(int argc, char **argv)
{
	drv_name = "killjob";
	if (argc != 2)
		drv_fail("usage: killjob SIGNAL");
	int sig = atoi(argv[1]);
	char prog[4200], dir[4096];
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	if (len < 0)
		drv_fail("readlink: %s", strerror(errno));
	self[len] = '\0';
	snprintf(dir, sizeof dir, "%s", self);
	snprintf(prog, sizeof prog, "%s/cluster", dirname(dir));
	unsetenv("TMPDIR"); /* its files must go under /tmp, where we look */
	/* cluster's output comes through a pipe: rank 0 prints only at the
	 * job's end, so anything read after the signal means that the job
	 * went on without its launcher. */
	int out[2];
	if (pipe(out) == -1)
		drv_fail("pipe: %s", strerror(errno));
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		execl(prog, "cluster", "--ranks", "16", "--items", "10000000",
		      (char *)NULL);
		_exit(127);
	}
	/* The launcher, mpirun and 16 ranks are 18 processes (and the
	 * launcher may have helpers): by then the job is well under way. */
	int status, done = 0;
	for (int i = 0; i < 2000 && !done && others(-1, NULL, 0) < 18; i++) {
		done = waitpid(pid, &status, WNOHANG) == pid;
		wb_sleep_ns(5000000);
	}
	close(out[1]);
	struct pollfd ready = {.fd = out[0], .events = POLLIN};
	if (done || poll(&ready, 1, 0) != 0) {
		printf("killjob: cluster ended too soon\n");
		return 1;
	}
	kill(pid, sig);
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("killjob: cluster ended by signal %d\n",
		       WTERMSIG(status));
	else
		printf("killjob: cluster ended with exit %d\n",
		       WEXITSTATUS(status));
	/* End of file once every process that holds the pipe has ended;
	 * 3 s at most. */
	char buf[4096];
	ssize_t n;
	long after = 0;
	while (poll(&ready, 1, 3000) == 1 &&
	       (n = read(out[0], buf, sizeof buf)) > 0)
		after += n;
	printf("killjob: printed after the signal: %ld bytes\n", after);
	char left[4096] = "", files[4096] = "";
	for (int i = 0; i < 300; i++) {
		files[0] = '\0';
		if (!others(-1, left, sizeof left) &&
		    !entries("/tmp", files, sizeof files) &&
		    !entries("/dev/shm", files, sizeof files))
			break;
		wb_sleep_ns(10000000);
	}
	printf("killjob: left:%s\n", left[0] ? left : " none");
	printf("killjob: files:%s\n", files[0] ? files : " none");
	return after || left[0] || files[0];
}
