/* conn.c: a connection's buffers. The socket is non-blocking, so write may
 * take part of the output (a short write) or nothing (EAGAIN: the kernel's
 * buffer is full); what it did not take stays here for the next try. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loop.h"
#include "wb.h"

struct conn *conn_new(int fd, unsigned gen, size_t out_max)
{
	struct conn *c = wb_alloc(sizeof *c);
	c->fd = fd;
	c->gen = gen;
	c->out_max = out_max;
	return c;
}

void conn_free(struct conn *c)
{
	free(c->out);
	free(c);
}

size_t conn_unsent(const struct conn *c)
{
	return c->out_len - c->out_off;
}

bool conn_queue(struct conn *c, const char *s, size_t n)
{
	/* STARTER BEGIN
	// TODO(lab18): return false when conn_unsent(c) + n would pass c->out_max: the reader is too slow
	STARTER END */
	if (conn_unsent(c) + n > c->out_max)
		return false;
	/* SOLUTION END */
	if (c->out_len + n > c->out_cap) {
		c->out_cap = (c->out_len + n) * 2;
		c->out = realloc(c->out, c->out_cap);
		if (!c->out)
			wb_die("realloc", ENOMEM);
	}
	memcpy(c->out + c->out_len, s, n);
	c->out_len += n;
	return true;
}

int conn_flush(struct conn *c)
{
	/* STARTER BEGIN
	// TODO(lab18): write until all is sent: a short write leaves the rest for the next write; on EAGAIN keep the rest and return 1
	ssize_t n = write(c->fd, c->out + c->out_off, conn_unsent(c));
	c->out_off = c->out_len = 0;
	return n < 0 && errno != EAGAIN ? -1 : 0;
	STARTER END */
	while (c->out_off < c->out_len) {
		ssize_t n = write(c->fd, c->out + c->out_off, conn_unsent(c));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 1; /* full: epoll says when it has room */
		if (n < 0)
			return -1; /* EPIPE, ECONNRESET: the peer is gone */
		c->out_off += (size_t)n;
	}
	c->out_off = c->out_len = 0; /* all sent: start the buffer again */
	return 0;
	/* SOLUTION END */
}
