/* forkserver.c: a small process, forked at program start, that forks the
 * children on request: each child is a copy of the small server, not of
 * the big parent. Python's forkserver start method works the same way: it
 * sends each request, with its file descriptors, over a Unix socket. */
#define _GNU_SOURCE /* prctl(PR_SET_PDEATHSIG) */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "start.h"
#include "wb.h"

struct reply {
	int err;    /* 0, or why the server could not start the child */
	int status; /* the child's wait status */
};

static int sock = -1; /* the parent's end of the socket pair */
static pid_t server;  /* 0 while no server runs */

/* The server: one request at a time, until the parent goes away. */
static noreturn void serve(int s)
{
	/* Ctrl-C reaches the whole process group; the parent decides when
	 * the server ends, by closing the socket. */
	signal(SIGINT, SIG_IGN);
	for (;;) {
		struct job j;
		ssize_t n = recv_job(s, &j);
		if (n <= 0)
			_exit(n == 0 ? 0 : 1);
		struct reply r = {0, 0};
		r.err = ENOSYS; // TODO(lab10): fork a child that does run_job(&j); reap it into r.status (on failure put errno into r.err)
		if (j.fd >= 0)
			close(j.fd); /* the child has its copy; keep none */
		if (send(s, &r, sizeof r, MSG_NOSIGNAL) == -1)
			_exit(1);
	}
}

void fs_start(void)
{
	int sv[2];
	/* SEQPACKET keeps message boundaries; CLOEXEC keeps the socket out of
	 * every program the parent execs. */
	wb_sys(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv),
	       "socketpair");
	pid_t parent = getpid();
	fflush(NULL); /* or buffered output would be written twice */
	server = wb_sys(fork(), "fork");
	if (server == 0) {
		close(sv[0]);
		/* The end of file on the socket tells us the parent is gone,
		 * unless a process it started still holds a copy of its end:
		 * then the kernel's death signal does. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() != parent) /* it died before prctl */
			_exit(1);
		serve(sv[1]);
	}
	close(sv[1]);
	sock = sv[0];
}

void fs_stop(int sig)
{
	if (!server)
		return;
	close(sock); /* the server reads end of file and ends */
	int status = reap(server);
	if (status == -1)
		wb_die("waitpid (fork server)", errno);
	/* A signal to the whole process group (Ctrl-C, a SIGTERM to the
	 * group) may have ended the server too: that is no error. */
	bool same = sig && WIFSIGNALED(status) && WTERMSIG(status) == sig;
	if (!same && (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
		fprintf(stderr,
			"%s: the fork server ended with wait status %d\n",
			wb_prog, status);
	server = 0;
	sock = -1;
}

pid_t fs_pid(void)
{
	return server;
}

int start_forkserver(const struct job *j)
{
	struct reply r;
	if (send_job(sock, j) == -1)
		return -1;
	ssize_t n;
	while ((n = recv(sock, &r, sizeof r, 0)) == -1 && errno == EINTR)
		;
	if (n != sizeof r) {
		errno = n == -1 ? errno : EPIPE; /* 0: the server is gone */
		return -1;
	}
	errno = r.err;
	return r.err ? -1 : r.status;
}
