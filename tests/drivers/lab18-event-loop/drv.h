/* drv.h: what lab18's test drivers share: a deadline, the tree's server
 * run on a thread of the driver, and blocking client sockets of the
 * driver's own. Each driver includes this file once, first. */
#ifndef DRV_H
#define DRV_H
/* _GNU_SOURCE comes from lab.mk */

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "client.h"
#include "loop.h"
#include "verdict.h"
#include "wb.h"

static char drv_late[256];
static long drv_late_ms;
static atomic_long drv_progress; /* bumped by a driver as replies come */

static void *drv_timer(void *arg)
{
	(void)arg;
	long seen = -1, quiet = 0;
	for (;;) { /* a run ends when there has been no progress for ms */
		wb_sleep_ns(10000000);
		long now = atomic_load(&drv_progress);
		quiet = now == seen ? quiet + 10 : 0;
		seen = now;
		if (quiet >= drv_late_ms)
			break;
	}
	if (write(STDOUT_FILENO, drv_late, strlen(drv_late)) < 0)
		syscall(SYS_exit_group, 1);
	syscall(SYS_exit_group, 1);
	return NULL;
}

/* The run fails with "NAME: FAIL: why" once there has been no progress
 * (drv_progress) for ms. */
static inline void drv_deadline(long ms, const char *why)
{
	pthread_t t;
	snprintf(drv_late, sizeof drv_late,
		 "%s: FAIL: %s (no progress for %ld ms)\n", drv_name, why, ms);
	drv_late_ms = ms;
	fflush(stdout);
	wb_check(pthread_create(&t, NULL, drv_timer, NULL), "pthread_create");
	wb_check(pthread_detach(t), "pthread_detach");
}

static inline int drv_tid(void)
{
	return (int)syscall(SYS_gettid);
}

static pthread_t drv_loop;
static atomic_int drv_loop_tid;

static void *drv_loop_main(void *arg)
{
	atomic_store(&drv_loop_tid, drv_tid());
	server_run(arg);
	return NULL;
}

/* Starts the tree's server on 127.0.0.1, port chosen by the kernel, its
 * loop on a thread of its own. Call before any other thread starts. */
static inline void drv_serve(struct server *s)
{
	server_block_signals();
	server_open(s);
	if (s->port <= 0)
		drv_fail("server_open left port %d", s->port);
	wb_check(pthread_create(&drv_loop, NULL, drv_loop_main, s),
		 "pthread_create");
}

/* SIGTERM to the loop thread (its signalfd), and wait for server_run. */
static inline void drv_stop(void)
{
	wb_check(pthread_kill(drv_loop, SIGTERM), "pthread_kill");
	wb_check(pthread_join(drv_loop, NULL), "pthread_join");
}

/* A blocking client socket connected to port; rcvbuf, sndbuf: 0 or the
 * kernel buffer sizes to ask for. */
static inline int drv_connect(int port, int rcvbuf, int sndbuf)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	int fd = wb_sys(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0),
			"socket");
	if (rcvbuf)
		wb_sys(setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
				  sizeof rcvbuf),
		       "setsockopt");
	if (sndbuf)
		wb_sys(setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf,
				  sizeof sndbuf),
		       "setsockopt");
	wb_sys(connect(fd, (struct sockaddr *)&a, sizeof a), "connect");
	return fd;
}

static inline void drv_say(int fd, const char *s)
{
	if (send(fd, s, strlen(s), MSG_NOSIGNAL) != (ssize_t)strlen(s))
		drv_fail("could not send \"%.20s\": %s", s, strerror(errno));
}

/* Reads one reply line (without its newline) into buf; returns its length,
 * or -1 when the server closed the connection first. */
static inline int drv_hear(int fd, char *buf, size_t size)
{
	size_t n = 0;
	while (n + 1 < size) {
		ssize_t r = recv(fd, buf + n, 1, 0);
		if (r <= 0)
			return -1;
		if (buf[n] == '\n')
			break;
		n++;
	}
	buf[n] = '\0';
	return (int)n;
}

/* True when the server has closed fd (reads until EOF or a reset). */
static inline bool drv_closed(int fd)
{
	char b[4096];
	ssize_t r;
	while ((r = recv(fd, b, sizeof b, 0)) > 0)
		;
	return r == 0 || errno == ECONNRESET;
}

/* The sockets this process has open, as /proc/self/fd lists them. */
static inline int drv_sockets(void)
{
	DIR *d = opendir("/proc/self/fd");
	char path[300], to[64];
	int n = 0;
	if (!d)
		wb_die("opendir /proc/self/fd", errno);
	for (struct dirent *e; (e = readdir(d));) {
		snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
		ssize_t len = readlink(path, to, sizeof to - 1);
		n += len > 7 && strncmp(to, "socket:", 7) == 0;
	}
	closedir(d);
	return n;
}

/* Whether some socket listens on 127.0.0.1:port (/proc/net/tcp). */
static inline bool drv_listening(int port)
{
	FILE *f = fopen("/proc/net/tcp", "r");
	char line[512];
	unsigned lport, st;
	bool yes = false;
	if (!f)
		wb_die("fopen /proc/net/tcp", errno);
	while (fgets(line, sizeof line, f))
		if (sscanf(line, " %*d: %*x:%x %*x:%*x %x", &lport, &st) == 2 &&
		    (int)lport == port && st == 0x0A) /* TCP_LISTEN */
			yes = true;
	fclose(f);
	return yes;
}

#endif
