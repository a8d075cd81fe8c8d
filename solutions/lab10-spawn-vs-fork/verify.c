/* verify.c: proof that a start method really starts a child that runs:
 * the child writes a token back through a pipe and ends with status 42,
 * and the parent checks both, then that no child was left behind. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "start.h"
#include "wb.h"

/* Starts one child with `start` and checks what it did; prints one line. */
bool verify(const char *name, int (*start)(const struct job *))
{
	int p[2];
	wb_sys(pipe(p), "pipe");
	/* The child has ended when we read, so never wait for more: a child
	 * that wrote nothing shows up as an empty read, not as a hang. */
	wb_sys(fcntl(p[0], F_SETFL, O_NONBLOCK), "fcntl");
	wb_sys(fcntl(p[0], F_SETFD, FD_CLOEXEC), "fcntl");
	struct job j = {.fd = p[1], .status = 42};
	snprintf(j.token, sizeof j.token, "%s:%ld", name, (long)getpid());
	int status = start(&j), err = errno;
	stop_if_asked(); /* a SIGTERM may have ended the child */
	close(p[1]);
	char got[64];
	ssize_t n = read(p[0], got, sizeof got - 1);
	close(p[0]);
	got[n > 0 ? n : 0] = '\0';
	got[strcspn(got, "\n")] = '\0';

	if (status == -1 && err == ENOSYS) {
		printf("  %-11s not implemented yet: see TODO(lab10)\n", name);
		return false;
	}
	if (status == -1) {
		printf("  %-11s could not start a child: %s\n", name,
		       strerror(err));
		return false;
	}
	printf("  %-11s the child wrote \"%s\" back", name, got);
	if (WIFEXITED(status))
		printf(" and ended with exit status %d\n", WEXITSTATUS(status));
	else
		printf(" and was killed by signal %d\n", WTERMSIG(status));
	bool ok = strcmp(got, j.token) == 0 && WIFEXITED(status) &&
		  WEXITSTATUS(status) == 42;
	if (!ok)
		printf("  %-11s expected \"%s\" and exit status 42\n", "",
		       j.token);
	return ok;
}

/* Every start method reaps its child: none may be left, not even a zombie,
 * neither here nor in the fork server. Returns how many were left. */
int left_behind(void)
{
	pid_t server = fs_pid();
	int n = children_of(getpid(), server, stdout);
	if (server)
		n += children_of(server, 0, stdout);
	if (n == 0)
		printf("no child left behind: no zombie, no running child%s\n",
		       server ? " (the fork server has none either)" : "");
	else
		printf("%d children left behind\n", n);
	return n;
}
