/* listen.c: what the loop watches. One epoll set holds the listening
 * socket, a signalfd (SIGTERM, SIGINT, SIGALRM arrive as reads), the pool's
 * eventfd, and every connection accepted. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>

#include "loop.h"
#include "wb.h"

void server_block_signals(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGALRM); /* --seconds */
	sigaddset(&set, SIGPIPE); /* a write to a closed socket: EPIPE */
	wb_check(pthread_sigmask(SIG_BLOCK, &set, NULL), "pthread_sigmask");
}

/* Each event carries the fd and its connection's gen: an event for a
 * connection closed earlier in the same batch is then dropped. */
void server_watch(struct server *s, int fd, unsigned gen, uint32_t events,
		  int op)
{
	struct epoll_event ev = {.events = events,
				 .data.u64 =
					 (uint64_t)gen << 32 | (unsigned)fd};
	wb_sys(epoll_ctl(s->epfd, op, fd, &ev), "epoll_ctl");
}

void server_open(struct server *s)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)s->port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	int one = 1;
	sigset_t set;
	if (!s->out_max)
		s->out_max = 1 << 20;
	s->lfd = wb_sys(
		socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0),
		"socket");
	wb_sys(setsockopt(s->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one),
	       "setsockopt");
	wb_sys(bind(s->lfd, (struct sockaddr *)&a, sizeof a), "bind 127.0.0.1");
	wb_sys(listen(s->lfd, 4096), "listen");
	wb_sys(getsockname(s->lfd, (struct sockaddr *)&a, &len), "getsockname");
	s->port = ntohs(a.sin_port);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGALRM);
	s->sfd = wb_sys(signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC),
			"signalfd");
	s->epfd = wb_sys(epoll_create1(EPOLL_CLOEXEC), "epoll_create1");
	offload_start(&s->pool, s->workers);
	server_watch(s, s->lfd, 0, EPOLLIN, EPOLL_CTL_ADD);
	server_watch(s, s->sfd, 0, EPOLLIN, EPOLL_CTL_ADD);
	server_watch(s, s->pool.efd, 0, EPOLLIN, EPOLL_CTL_ADD);
}

/* Takes every connection waiting, until accept says EAGAIN. */
void server_accept(struct server *s)
{
	int fd;
	while ((fd = accept4(s->lfd, NULL, NULL,
			     SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		if (fd >= s->nconns) {
			int n = fd * 2 + 64;
			s->conns =
				realloc(s->conns, (size_t)n * sizeof *s->conns);
			if (!s->conns)
				wb_die("realloc", ENOMEM);
			memset(s->conns + s->nconns, 0,
			       (size_t)(n - s->nconns) * sizeof *s->conns);
			s->nconns = n;
		}
		s->conns[fd] = conn_new(fd, ++s->gen, s->out_max);
		s->accepted++;
		if (++s->open > s->open_max)
			s->open_max = s->open;
		server_watch(s, fd, s->gen, EPOLLIN, EPOLL_CTL_ADD);
	}
	if (errno == EMFILE || errno == ENFILE)
		wb_die("accept4 (raise RLIMIT_NOFILE: ulimit -n)", errno);
	if (errno != EAGAIN && errno != EWOULDBLOCK && errno != ECONNABORTED &&
	    errno != EINTR)
		wb_die("accept4", errno);
}
