/* dmany.c CONNS REQS: the tree's server (server_run, 2 pool workers) and a
 * client of the driver's own: CONNS connections open at once, REQS
 * requests on each, "echo" and "sum", one at a time; every reply checked
 * against the driver's own answer. The server's socket writes are made
 * short (every 2nd) or EAGAIN (every 3rd), as a busy kernel may. What a
 * write did not take must begin the next write on that socket, and the
 * loop must not go to sleep in epoll_wait, with nothing ready, while it
 * still owes a socket such bytes: its client waits for them forever. */
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/stat.h>

#include "drv.h"

ssize_t __real_write(int fd, const void *buf, size_t n);
ssize_t __real_send(int fd, const void *buf, size_t n, int flags);
int __real_epoll_wait(int ep, struct epoll_event *evs, int max, int ms);

static atomic_long writes; /* the server's writes to sockets */

/* What the loop owes each socket: the bytes a write did not take. Only the
 * loop thread touches these. */
#define FDS  16384
#define HEAD 64
static struct {
	size_t n;        /* bytes owed */
	char head[HEAD]; /* the first of them ... */
	size_t known;    /* ... this many */
	bool kernel;     /* the kernel, not this driver, refused some */
} owed[FDS];
static long owing; /* sockets owed bytes */

/* For a write of n bytes to a socket by the loop thread: how many may go,
 * or -1 for EAGAIN. */
static long allow(size_t n)
{
	long k = atomic_fetch_add(&writes, 1);
	if (k % 3 == 2) {
		errno = EAGAIN;
		return -1;
	}
	return k % 2 && n > 1 ? (long)(n / 2) : (long)n;
}

static bool loop_socket(int fd)
{
	struct stat st;
	return drv_tid() == atomic_load(&drv_loop_tid) && fd >= 0 && fd < FDS &&
	       fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

/* A write of buf[0..n) to fd must go on where the last one stopped. */
static void check_owed(int fd, const char *buf, size_t n)
{
	size_t k = owed[fd].known < n ? owed[fd].known : n;
	if (memcmp(buf, owed[fd].head, k) != 0)
		drv_fail("a server write did not begin with the %zu bytes the "
			 "last write on that socket left unsent (the rest of a "
			 "short write, or all of it after EAGAIN): bytes lost "
			 "or sent twice",
			 owed[fd].n);
}

/* After a write of buf[0..n) to fd that took `took` bytes (a of them
 * allowed): what fd is owed now. */
static void note_owed(int fd, const char *buf, size_t n, long took, long a)
{
	size_t was = owed[fd].n, from = took > 0 ? (size_t)took : 0;
	if (took < 0 && errno != EAGAIN && errno != EWOULDBLOCK &&
	    errno != EINTR) {
		owed[fd].n = 0; /* the peer is gone: nothing owed */
	} else if (n >= was) {  /* this write held all that was owed */
		owed[fd].n = n - from;
		owed[fd].known = owed[fd].n < HEAD ? owed[fd].n : HEAD;
		memcpy(owed[fd].head, buf + from, owed[fd].known);
	} else if (from > 0) { /* a part of it: the rest stays owed */
		owed[fd].n = was - from;
		owed[fd].known =
			from < owed[fd].known ? owed[fd].known - from : 0;
		memmove(owed[fd].head, owed[fd].head + from, owed[fd].known);
	}
	owed[fd].kernel = from < n && took != a;
	owing += (owed[fd].n > 0) - (was > 0);
}

static ssize_t wrapped(int fd, const void *buf, size_t n, int flags,
		       bool is_send)
{
	if (!loop_socket(fd))
		return is_send ? __real_send(fd, buf, n, flags)
			       : __real_write(fd, buf, n);
	check_owed(fd, buf, n);
	long a = allow(n);
	ssize_t took = -1;
	if (a >= 0)
		took = is_send ? __real_send(fd, buf, (size_t)a, flags)
			       : __real_write(fd, buf, (size_t)a);
	int e = errno;
	note_owed(fd, buf, n, took, a);
	errno = e;
	return took;
}

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
	return wrapped(fd, buf, n, 0, false);
}

ssize_t __wrap_send(int fd, const void *buf, size_t n, int flags)
{
	return wrapped(fd, buf, n, flags, true);
}

/* The loop thread about to sleep with nothing ready: it must owe no socket
 * bytes (unless the kernel itself refused them: then EPOLLOUT comes). */
int __wrap_epoll_wait(int ep, struct epoll_event *evs, int max, int ms)
{
	if (ms >= 0 || drv_tid() != atomic_load(&drv_loop_tid) || !owing)
		return __real_epoll_wait(ep, evs, max, ms);
	int n = __real_epoll_wait(ep, evs, max, 0);
	if (n != 0)
		return n;
	for (int fd = 0; fd < FDS; fd++)
		if (owed[fd].n && !owed[fd].kernel && fcntl(fd, F_GETFD) >= 0)
			drv_fail("the loop went to sleep in epoll_wait, with "
				 "nothing ready, owing a socket %zu bytes "
				 "(the rest of a short write, or all of it "
				 "after EAGAIN): its client waits forever",
				 owed[fd].n);
	return __real_epoll_wait(ep, evs, max, ms);
}

struct peer {
	int fd, k;
	char want[32], got[64];
	size_t len;
};

static void ask(struct peer *p, int i)
{
	char req[64];
	uint64_t n = 1000 + (uint64_t)i;
	if (p->k % 3 == 1) {
		snprintf(req, sizeof req, "sum %llu\n", (unsigned long long)n);
		snprintf(p->want, sizeof p->want, "%llu\n",
			 (unsigned long long)load_expect(n));
	} else {
		snprintf(req, sizeof req, "echo %d.%d\n", i, p->k);
		snprintf(p->want, sizeof p->want, "%d.%d\n", i, p->k);
	}
	p->len = 0;
	drv_say(p->fd, req);
}

int main(int argc, char **argv)
{
	drv_name = "dmany";
	setvbuf(stdout, NULL, _IOLBF, 0);
	int conns = argc > 1 ? atoi(argv[1]) : 1000;
	int reqs = argc > 2 ? atoi(argv[2]) : 3;
	struct server s = {.workers = 2, .quiet = true};
	drv_serve(&s);
	drv_deadline(1000, "not every reply came back");
	struct peer *ps = wb_alloc((size_t)conns * sizeof *ps);
	int ep = wb_sys(epoll_create1(0), "epoll_create1");
	for (int i = 0; i < conns; i++) {
		ps[i].fd = drv_connect(s.port, 0, 0);
		struct epoll_event ev = {.events = EPOLLIN,
					 .data.u32 = (uint32_t)i};
		wb_sys(epoll_ctl(ep, EPOLL_CTL_ADD, ps[i].fd, &ev),
		       "epoll_ctl");
	}
	for (int i = 0; i < conns; i++)
		ask(&ps[i], i);
	long right = 0, left = conns;
	struct epoll_event evs[64];
	while (left > 0) {
		int n = wb_sys(epoll_wait(ep, evs, 64, -1), "epoll_wait");
		for (int e = 0; e < n; e++) {
			int i = (int)evs[e].data.u32;
			struct peer *p = &ps[i];
			ssize_t r = recv(p->fd, p->got + p->len,
					 sizeof p->got - 1 - p->len, 0);
			if (r <= 0)
				drv_fail("connection %d closed by the server "
					 "after "
					 "%d replies",
					 i, p->k);
			p->len += (size_t)r;
			p->got[p->len] = '\0';
			if (!strchr(p->got, '\n') && p->len < sizeof p->got - 1)
				continue;
			if (strcmp(p->got, p->want) != 0)
				drv_fail("connection %d, request %d: reply "
					 "\"%.30s\", "
					 "expected \"%.30s\" (bytes lost or "
					 "repeated "
					 "in a short write?)",
					 i, p->k, p->got, p->want);
			right++;
			atomic_fetch_add(&drv_progress, 1);
			if (++p->k < reqs)
				ask(p, i);
			else
				left--;
		}
	}
	drv_stop();
	for (int i = 0; i < conns; i++)
		close(ps[i].fd);
	free(ps);
	close(ep);
	if (right != (long)conns * reqs)
		drv_fail("%ld right replies of %ld", right, (long)conns * reqs);
	printf("%d connections at once, %ld replies all right, with %ld "
	       "short or refused writes\n",
	       conns, right, atomic_load(&writes));
	puts("dmany: ok");
	return 0;
}
