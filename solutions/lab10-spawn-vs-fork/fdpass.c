/* fdpass.c: a job travels to the fork server as one message on a Unix
 * socket, and the job's file descriptor travels with it, as SCM_RIGHTS. */
#define _GNU_SOURCE /* SCM_RIGHTS, CMSG_SPACE */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "start.h"

/* Room for one file descriptor in a message's control part. */
union fdbuf {
	struct cmsghdr align;
	char buf[CMSG_SPACE(sizeof(int))];
};

/* Sends a job; its fd travels as SCM_RIGHTS: the kernel installs a copy
 * of the descriptor in the receiving process, as if it had called dup. */
int send_job(int s, const struct job *j)
{
	struct iovec iov = {(void *)j, sizeof *j};
	struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
	union fdbuf c;
	if (j->fd >= 0) {
		m.msg_control = c.buf;
		m.msg_controllen = sizeof c.buf;
		struct cmsghdr *h = CMSG_FIRSTHDR(&m);
		h->cmsg_level = SOL_SOCKET;
		h->cmsg_type = SCM_RIGHTS;
		h->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(h), &j->fd, sizeof(int));
	}
	return sendmsg(s, &m, MSG_NOSIGNAL) == -1 ? -1 : 0;
}

/* Receives a job, with the server's own copy of its fd. 0 at end of file:
 * the parent has closed its end of the socket, or has died. */
ssize_t recv_job(int s, struct job *j)
{
	struct iovec iov = {j, sizeof *j};
	union fdbuf c;
	struct msghdr m = {.msg_iov = &iov,
			   .msg_iovlen = 1,
			   .msg_control = c.buf,
			   .msg_controllen = sizeof c.buf};
	ssize_t n;
	while ((n = recvmsg(s, &m, 0)) == -1 && errno == EINTR)
		;
	struct cmsghdr *h = n > 0 ? CMSG_FIRSTHDR(&m) : NULL;
	j->fd = -1;
	if (h && h->cmsg_type == SCM_RIGHTS)
		memcpy(&j->fd, CMSG_DATA(h), sizeof(int));
	return n;
}
