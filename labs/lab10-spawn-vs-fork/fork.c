/* fork.c: the two classic ways to start a child, and what every child does.
 * fork copies the parent (its page tables, at least), however big it is;
 * fork-exec copies it too, only to throw the copy away at exec. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "start.h"
#include "wb.h"

noreturn void run_job(const struct job *j)
{
	char line[sizeof j->token + 1];
	size_t n = strlen(j->token);
	memcpy(line, j->token, n);
	line[n++] = '\n';
	/* write and _exit only: a forked child of a threaded parent may call
	 * nothing that takes a lock another thread could have held. */
	if (j->fd >= 0 && write(j->fd, line, n) != (ssize_t)n)
		_exit(125);
	_exit(j->status);
}

const char *helper_path(void)
{
	static char path[PATH_MAX];
	if (path[0])
		return path;
	/* /proc/self/exe names this program; the helper sits beside it. */
	ssize_t n = wb_sys((int)readlink("/proc/self/exe", path,
					 sizeof path - sizeof "/child"),
			   "readlink /proc/self/exe");
	path[n] = '\0';
	strcpy(strrchr(path, '/'), "/child");
	return path;
}

void helper_argv(const struct job *j, char *buf, size_t n, char *argv[5])
{
	argv[0] = "child";
	argv[1] = NULL;
	if (j->fd < 0)
		return; /* no token to write: the helper just ends */
	/* buf holds "FD\0STATUS\0", the numbers as text */
	int len = snprintf(buf, n, "%d", j->fd);
	snprintf(buf + len + 1, n - (size_t)len - 1, "%d", j->status);
	argv[1] = buf;
	argv[2] = (char *)j->token;
	argv[3] = buf + len + 1;
	argv[4] = NULL;
}

int reap(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	return status;
}

int start_fork(const struct job *j)
{
	pid_t pid = fork();
	if (pid == -1)
		return -1;
	if (pid == 0)
		run_job(j);
	return reap(pid);
}

int start_fork_exec(const struct job *j)
{
	char buf[32], *argv[5];
	helper_argv(j, buf, sizeof buf, argv);
	const char *path = helper_path(); /* before fork: it may fail */
	pid_t pid = fork();
	if (pid == -1)
		return -1;
	if (pid == 0) {
		execv(path, argv);
		_exit(127); /* like the shell: the program could not be run */
	}
	return reap(pid);
}
