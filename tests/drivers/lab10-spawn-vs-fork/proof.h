/* proof.h: what lab10's test drivers share. A job's token comes back on a
 * Unix datagram socket, and the kernel says which process sent each
 * message (SCM_CREDENTIALS): a token written by the wrong process is seen.
 * /proc says whose child a process is. Include it first (_GNU_SOURCE). */
#ifndef PROOF_H
#define PROOF_H
#define _GNU_SOURCE /* struct ucred, SCM_CREDENTIALS, getrandom */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *drv = "driver"; /* the driver's name, for messages */

/* Says why the property does not hold and ends the driver with status 1. */
__attribute__((format(printf, 1, 2))) static inline noreturn void
fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fflush(stdout);
	fprintf(stderr, "%s: FAIL: ", drv);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

/* A datagram socket pair: sv[1] goes to the child as the job's fd, sv[0]
 * receives every message with its sender's pid. */
static inline void token_socket(int sv[2])
{
	int on = 1;
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == -1 ||
	    setsockopt(sv[0], SOL_SOCKET, SO_PASSCRED, &on, sizeof on) == -1)
		fail("socketpair: %s", strerror(errno));
}

/* Waits up to ms for a message on s, puts it in buf (with a '\0', without
 * a trailing newline) and its sender's pid in *from. -1 if none came. */
static inline ssize_t recv_from(int s, char *buf, size_t n, pid_t *from, int ms)
{
	struct pollfd p = {.fd = s, .events = POLLIN};
	if (poll(&p, 1, ms) != 1)
		return -1;
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(struct ucred))];
	} c;
	struct iovec iov = {buf, n - 1};
	struct msghdr m = {.msg_iov = &iov,
			   .msg_iovlen = 1,
			   .msg_control = c.buf,
			   .msg_controllen = sizeof c.buf};
	ssize_t len = recvmsg(s, &m, MSG_DONTWAIT);
	struct cmsghdr *h = len >= 0 ? CMSG_FIRSTHDR(&m) : NULL;
	if (!h || h->cmsg_type != SCM_CREDENTIALS)
		return -1;
	struct ucred who;
	memcpy(&who, CMSG_DATA(h), sizeof who);
	*from = who.pid;
	buf[len] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return len;
}

/* A token nobody can guess, and an exit status from 1 to 100. */
static inline int make_token(char *buf, size_t n)
{
	unsigned long r[2] = {0, 0};
	if (getrandom(r, sizeof r, 0) != sizeof r)
		fail("getrandom: %s", strerror(errno));
	snprintf(buf, n, "%lx", r[0] & 0xffffffffffffful);
	return (int)(r[1] % 100) + 1;
}

/* The parent of pid, from /proc; its state (Z: a zombie) in *state.
 * -1 if it is gone. */
static inline pid_t parent_of(pid_t pid, char *state)
{
	char path[64], line[512];
	long ppid = -1;
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t len = fread(line, 1, sizeof line - 1, f);
	fclose(f);
	line[len] = '\0';
	/* "pid (name) state ppid": the name may hold ')', so the last one */
	char *p = strrchr(line, ')');
	if (!p || sscanf(p + 1, " %c %ld", state, &ppid) != 2)
		return -1;
	return (pid_t)ppid;
}

/* Counts the children of ppid other than `except`, zombies included; the
 * first one that is not a zombie goes into *alive (0 if none). */
static inline int children(pid_t ppid, pid_t except, pid_t *alive)
{
	DIR *d = opendir("/proc");
	if (!d)
		fail("opendir /proc: %s", strerror(errno));
	int n = 0;
	*alive = 0;
	for (struct dirent *e; (e = readdir(d));) {
		char *end, state;
		long pid = strtol(e->d_name, &end, 10);
		if (*end || pid <= 0 || pid == except ||
		    parent_of((pid_t)pid, &state) != ppid)
			continue;
		n++;
		if (state != 'Z' && !*alive)
			*alive = (pid_t)pid;
	}
	closedir(d);
	return n;
}

#endif
