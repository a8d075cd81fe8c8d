/* checkserver.c: lab10's test driver for the fork server (forkserver.c).
 * It starts the server, then asks it twice for a child with a random token
 * and exit status. The job's socket is full, so the child waits at its
 * write until the driver has looked at it in /proc: its parent must be the
 * server. The kernel names the token's sender: it must be that child. Then
 * neither the server nor the driver may have a child left. Prints "ok". */
#include "proof.h"

#include <pthread.h>
#include <stdatomic.h>
#include <sys/wait.h>

#include "start.h"
#include "wb.h"

static struct job job;    /* the request in flight */
static int result, fault; /* what start_forkserver returned, and errno */
static atomic_bool done;  /* start_forkserver has returned */

static void *request(void *unused)
{
	(void)unused;
	result = start_forkserver(&job);
	fault = errno;
	atomic_store(&done, true);
	return NULL;
}

/* Fills the socket's queue, so that the next write to it waits. */
static int fill(int s)
{
	int n = 0;
	while (send(s, ".", 1, MSG_DONTWAIT) == 1)
		n++;
	if (errno != EAGAIN)
		fail("send: %s", strerror(errno));
	return n;
}

/* One request; the server is pid `server`. */
static void one(pid_t server, int round)
{
	int sv[2];
	token_socket(sv);
	job.fd = sv[1];
	job.status = make_token(job.token, sizeof job.token);
	int fillers = fill(sv[1]);
	atomic_store(&done, false);
	pthread_t t;
	wb_check(pthread_create(&t, NULL, request, NULL), "pthread_create");
	/* Some process other than the server and us writes the token: it
	 * waits at its write until we read, so it cannot end unseen. */
	pid_t child = 0, parent = 0;
	char state;
	for (int ms = 0; ms < 5000 && !child; ms++) {
		bool finished = atomic_load(&done);
		children(server, 0, &child);
		if (!child)
			children(getpid(), server, &child);
		if (finished)
			break; /* it looked once after the request returned */
		if (!child)
			wb_sleep_ns(1000000);
	}
	if (child)
		parent = parent_of(child, &state);
	char got[64];
	pid_t from = 0;
	for (int i = 0; i < fillers; i++)
		recv_from(sv[0], got, sizeof got, &from, 5000);
	ssize_t n = recv_from(sv[0], got, sizeof got, &from,
			      atomic_load(&done) && !child ? 100 : 5000);
	wb_check(pthread_join(t, NULL), "pthread_join");
	close(sv[0]);
	close(sv[1]);

	if (result == -1 && fault == ENOSYS)
		fail("the fork server does not start children yet (ENOSYS)");
	if (result == -1)
		fail("start_forkserver failed: %s", strerror(fault));
	if (n < 0 || strcmp(got, job.token) != 0)
		fail("request %d: the token \"%s\" did not come back", round,
		     job.token);
	if (from == getpid())
		fail("the token was written by the parent itself, not by a "
		     "child of the fork server");
	if (from == server)
		fail("the token was written by the fork server itself (pid "
		     "%ld), not by a child it forked",
		     (long)server);
	if (from != child)
		fail("the token came from pid %ld, which was not seen as a "
		     "child of the fork server (pid %ld)",
		     (long)from, (long)server);
	if (parent != server)
		fail("the child that wrote the token (pid %ld) was started by "
		     "pid %ld, not by the fork server (pid %ld)",
		     (long)child, (long)parent, (long)server);
	if (!WIFEXITED(result) || WEXITSTATUS(result) != job.status)
		fail("start_forkserver returned wait status %d; the child "
		     "ended with exit status %d",
		     result, job.status);
	pid_t alive;
	int left = children(server, 0, &alive);
	if (left)
		fail("the fork server has %d child%s left after the request "
		     "(%s): it must reap each child before it replies",
		     left, left == 1 ? "" : "ren",
		     alive ? "one still runs" : "zombies");
	if (children(getpid(), server, &alive))
		fail("the parent has children other than the fork server");
	printf("checkserver: request %d: the server (pid %ld) forked pid "
	       "%ld, which wrote the token and ended with status %d\n",
	       round, (long)server, (long)child, job.status);
}

int main(void)
{
	drv = "checkserver";
	fs_start();
	pid_t server;
	if (children(getpid(), 0, &server) != 1 || !server)
		fail("fs_start did not leave one fork server running");
	one(server, 1);
	one(server, 2); /* the same server, not one per request */
	fs_stop(0);
	if (waitpid(-1, NULL, WNOHANG) != -1 || errno != ECHILD)
		fail("a child is left after fs_stop");
	printf("checkserver: ok: both children were forked by the fork "
	       "server and reaped by it\n");
	return 0;
}
