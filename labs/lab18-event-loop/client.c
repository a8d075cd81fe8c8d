/* client.c: one thread, one epoll set, all the connections. Each sends a
 * request, waits for its reply, checks it, sends the next. */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "client.h"
#include "wb.h"

struct peer {
	int fd, k;     /* requests answered so far */
	uint64_t t0;   /* when request k went out */
	char want[32]; /* its right reply */
	char got[64];  /* what came back of it so far */
	size_t len;
};

uint64_t load_expect(uint64_t n)
{
	unsigned __int128 m = n; /* (n-1) n (2n-1) / 6 without overflow */
	return (uint64_t)((m - 1) * m * (2 * m - 1) / 6);
}

static atomic_long progress; /* replies: the watchdog sees them */

static void send_next(struct load *l, struct peer *p, int i)
{
	char req[64];
	if (p->k % 5 == 4) {
		uint64_t n = l->sum_n + (uint64_t)(i % 100);
		snprintf(req, sizeof req, "sum %" PRIu64 "\n", n);
		snprintf(p->want, sizeof p->want, "%" PRIu64 "\n",
			 load_expect(n));
	} else {
		snprintf(req, sizeof req, "echo c%dr%d\n", i, p->k);
		snprintf(p->want, sizeof p->want, "c%dr%d\n", i, p->k);
	}
	p->len = 0;
	p->t0 = wb_now_ns();
	/* A fresh socket always has room for a few bytes. */
	if (send(p->fd, req, strlen(req), MSG_NOSIGNAL) != (ssize_t)strlen(req))
		wb_die("send", errno);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double pct(double *v, long n, double p)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n ? v[(long)(p * (double)(n - 1))] : 0;
}

void load_run(struct load *l)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)l->port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	long total = (long)l->conns * l->requests, ne = 0, ns = 0,
	     left = l->conns;
	double *echo = wb_alloc((size_t)total * sizeof *echo);
	double *sums = wb_alloc((size_t)total * sizeof *sums);
	struct peer *ps = wb_alloc((size_t)l->conns * sizeof *ps);
	int ep = wb_sys(epoll_create1(EPOLL_CLOEXEC), "epoll_create1");
	wb_watchdog_start(3000, &progress, NULL, NULL);
	uint64_t start = wb_now_ns();
	for (int i = 0; i < l->conns; i++) { /* all open at once, then talk */
		ps[i].fd =
			wb_sys(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0),
			       "socket");
		wb_sys(connect(ps[i].fd, (struct sockaddr *)&a, sizeof a),
		       "connect 127.0.0.1");
		struct epoll_event ev = {.events = EPOLLIN,
					 .data.u32 = (uint32_t)i};
		wb_sys(epoll_ctl(ep, EPOLL_CTL_ADD, ps[i].fd, &ev),
		       "epoll_ctl");
	}
	for (int i = 0; i < l->conns; i++)
		send_next(l, &ps[i], i);
	struct epoll_event evs[256];
	while (left > 0) {
		int n = epoll_wait(ep, evs, 256, -1);
		if (n < 0 && errno == EINTR)
			continue;
		wb_sys(n, "epoll_wait");
		for (int e = 0; e < n; e++) {
			int i = (int)evs[e].data.u32;
			struct peer *p = &ps[i];
			ssize_t r = recv(p->fd, p->got + p->len,
					 sizeof p->got - 1 - p->len, 0);
			if (r < 0 && errno == EINTR)
				continue;
			if (r > 0)
				p->len += (size_t)r;
			if (r > 0 && !memchr(p->got, '\n', p->len) &&
			    p->len < sizeof p->got - 1)
				continue; /* the rest of the reply is on its way */
			double ms = (double)(wb_now_ns() - p->t0) / 1e6;
			p->got[p->len] = '\0';
			l->replies += r > 0;
			l->right += r > 0 && strcmp(p->got, p->want) == 0;
			if (r > 0)
				*(p->k % 5 == 4 ? &sums[ns++] : &echo[ne++]) =
					ms;
			atomic_fetch_add(&progress, 1);
			if (r > 0 && ++p->k < l->requests) {
				send_next(l, p, i);
				continue;
			}
			close(p->fd); /* done, or the server closed it */
			left--;
		}
	}
	l->secs = (double)(wb_now_ns() - start) / 1e9;
	wb_watchdog_stop();
	close(ep);
	l->echo99 = pct(echo, ne, 0.99);
	l->sum99 = pct(sums, ns, 0.99);
	memcpy(echo + ne, sums, (size_t)ns * sizeof *sums);
	l->p50 = pct(echo, ne + ns, 0.5);
	l->p99 = pct(echo, ne + ns, 0.99);
	free(echo);
	free(sums);
	free(ps);
}
