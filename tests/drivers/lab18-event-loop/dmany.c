/* dmany.c CONNS REQS: the tree's server (server_run, 2 pool workers) and a
 * client of the driver's own: CONNS connections open at once, REQS
 * requests on each, "echo" and "sum", one at a time; every reply checked
 * against the driver's own answer. The server's socket writes are made
 * short (every 2nd) or EAGAIN (every 3rd), as a busy kernel may. */
#include <sys/epoll.h>
#include <sys/stat.h>

#include "drv.h"

ssize_t __real_write(int fd, const void *buf, size_t n);
ssize_t __real_send(int fd, const void *buf, size_t n, int flags);

static atomic_long writes; /* the server's writes to sockets */

/* For a socket written by the loop thread: how many bytes may go, or -1
 * for EAGAIN. */
static long allow(int fd, size_t n)
{
	struct stat st;
	if (drv_tid() != atomic_load(&drv_loop_tid) || fstat(fd, &st) < 0 ||
	    !S_ISSOCK(st.st_mode))
		return (long)n;
	long k = atomic_fetch_add(&writes, 1);
	if (k % 3 == 2) {
		errno = EAGAIN;
		return -1;
	}
	return k % 2 && n > 1 ? (long)(n / 2) : (long)n;
}

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
	long a = allow(fd, n);
	return a < 0 ? -1 : __real_write(fd, buf, (size_t)a);
}

ssize_t __wrap_send(int fd, const void *buf, size_t n, int flags)
{
	long a = allow(fd, n);
	return a < 0 ? -1 : __real_send(fd, buf, (size_t)a, flags);
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
