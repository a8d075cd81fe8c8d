/* server.c: the event loop. One thread sleeps in epoll_wait on the
 * listening socket, every connection, the pool's eventfd and a signalfd,
 * and handles whatever is ready; no call it makes ever blocks. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

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
static void watch(struct server *s, int fd, unsigned gen, uint32_t events,
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
	watch(s, s->lfd, 0, EPOLLIN, EPOLL_CTL_ADD);
	watch(s, s->sfd, 0, EPOLLIN, EPOLL_CTL_ADD);
	watch(s, s->pool.efd, 0, EPOLLIN, EPOLL_CTL_ADD);
}

/* Takes every connection waiting, until accept says EAGAIN. */
static void take_all(struct server *s)
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
		watch(s, fd, s->gen, EPOLLIN, EPOLL_CTL_ADD);
	}
	if (errno == EMFILE || errno == ENFILE)
		wb_die("accept4 (raise RLIMIT_NOFILE: ulimit -n)", errno);
	if (errno != EAGAIN && errno != EWOULDBLOCK && errno != ECONNABORTED &&
	    errno != EINTR)
		wb_die("accept4", errno);
}

/* Answers c's whole lines, unless a sum is pending; sends what it can. */
static void server_advance(struct server *s, struct conn *c)
{
	char *nl;
	int fd = c->fd;
	while (!c->pending && (nl = memchr(c->in, '\n', c->in_len))) {
		*nl = '\0';
		size_t used = (size_t)(nl - c->in) + 1;
		serve_line(s, c, c->in);
		if (s->conns[fd] != c)
			return; /* closed, c freed */
		memmove(c->in, c->in + used, c->in_len - used);
		c->in_len -= used;
	}
	if (!c->pending && c->in_len == sizeof c->in)
		return server_close(s, c, "line too long");
	int r = conn_flush(c);
	if (r < 0)
		return server_close(s, c, "gone before its reply");
	/* Read only when not waiting for a sum; write when the socket has room. */
	bool out = r == 1;
	uint32_t ev = (c->pending ? 0 : EPOLLIN) | (out ? EPOLLOUT : 0);
	watch(s, c->fd, c->gen, ev, EPOLL_CTL_MOD);
	c->want_out = out;
}

/* Reads what c sent, then answers it. */
static void readable(struct server *s, struct conn *c)
{
	ssize_t n = read(c->fd, c->in + c->in_len, sizeof c->in - c->in_len);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0)
		return server_close(
			s, c,
			n < 0       ? strerror(errno)
			: c->in_len ? "disconnected in the middle of a request"
				    : NULL);
	c->in_len += (size_t)n;
	server_advance(s, c);
}

/* The pool finished jobs: send each reply, if its connection is still open. */
static void handed_back(struct server *s)
{
	for (struct job *j = offload_done(&s->pool), *next; j; j = next) {
		next = j->next;
		struct conn *c = j->fd < s->nconns ? s->conns[j->fd] : NULL;
		if (c && c->gen == j->gen) {
			c->pending--;
			server_reply(s, c, "%llu",
				     (unsigned long long)j->result);
			if (s->conns[j->fd] == c)
				server_advance(s, c);
		}
		free(j);
	}
}

/* Reads the signal that asks the loop to stop; false if there was none. */
static bool stop_signal(struct server *s)
{
	struct signalfd_siginfo si;
	if (read(s->sfd, &si, sizeof si) != sizeof si)
		return false;
	s->stop_signo = (int)si.ssi_signo;
	return true;
}

void server_run(struct server *s)
{
	struct epoll_event evs[256];
	bool running = true;
	while (running) {
		int n = epoll_wait(s->epfd, evs, 256, -1);
		if (n < 0 && errno == EINTR)
			continue;
		wb_sys(n, "epoll_wait");
		for (int i = 0; i < n; i++) {
			int fd = (int)(evs[i].data.u64 & 0xffffffffu);
			unsigned gen = (unsigned)(evs[i].data.u64 >> 32);
			struct conn *c = fd < s->nconns ? s->conns[fd] : NULL;
			if (c && c->gen != gen)
				c = NULL; /* closed, its fd taken again */
			if (fd == s->lfd)
				take_all(s);
			else if (fd == s->sfd)
				running = !stop_signal(s);
			else if (fd == s->pool.efd)
				handed_back(s);
			else if (c &&
				 (evs[i].events &
				  (EPOLLIN | EPOLLHUP | EPOLLERR)) &&
				 !c->pending)
				readable(s, c);
			else if (c && (evs[i].events & (EPOLLHUP | EPOLLERR)))
				server_close(s, c,
					     "disconnected in the middle of a "
					     "request");
			else if (c && (evs[i].events & EPOLLOUT))
				server_advance(s, c);
		}
	}
	for (int fd = 0; fd < s->nconns; fd++)
		if (s->conns[fd])
			server_close(s, s->conns[fd], NULL);
	free(s->conns);
	offload_stop(&s->pool);
	close(s->lfd);
	close(s->sfd);
	close(s->epfd);
}
