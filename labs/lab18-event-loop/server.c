/* server.c: the event loop. One thread sleeps in epoll_wait on all it
 * watches (listen.c), and handles whatever is ready; no call it makes ever
 * blocks. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "loop.h"
#include "wb.h"

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
	server_watch(s, c->fd, c->gen, ev, EPOLL_CTL_MOD);
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
				server_accept(s);
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
