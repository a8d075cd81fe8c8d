/* loop.h: one thread serving many TCP connections with epoll. Each
 * connection has an input buffer (a line being read) and an output buffer
 * (replies the socket has not taken yet). The protocol, one line each way:
 *   echo TEXT  ->  TEXT
 *   sum N      ->  the sum of i*i for i < N, computed by a pool worker
 *   stats      ->  open N served N pool N loop N */
#ifndef LOOP_H
#define LOOP_H

#include <stdbool.h>
#include <stddef.h>

#include "offload.h"

#define LINE_MAX_BYTES 1024         /* a longer request closes its connection */
#define SUM_MAX        100000000ull /* the largest N of "sum N" */

struct conn {
	int fd;
	unsigned gen;            /* tells this connection from an older one */
	char in[LINE_MAX_BYTES]; /* bytes read, not yet a whole line */
	size_t in_len;
	char *out; /* replies: out[out_off..out_len) is unsent */
	size_t out_off, out_len, out_cap;
	size_t out_max; /* more unsent than this: cut off */
	bool want_out;  /* epoll watches for EPOLLOUT */
	int pending;    /* sums in the pool: reading waits */
};

struct conn *conn_new(int fd, unsigned gen, size_t out_max);
void conn_free(struct conn *c); /* frees; the caller closes c->fd */
/* Appends n bytes to c's output; false when that would put more than
 * c->out_max bytes in it unsent (a reader too slow: cut it off). */
bool conn_queue(struct conn *c, const char *s, size_t n);
size_t conn_unsent(const struct conn *c);
/* Writes what the socket takes now: 0 when all is written, 1 when the
 * socket is full (the rest waits for EPOLLOUT), -1 when the peer is gone. */
int conn_flush(struct conn *c);

struct server {
	/* set before server_open */
	int port;       /* 0: the kernel picks; server_open writes the port */
	int workers;    /* pool threads for "sum" */
	size_t out_max; /* per-connection output limit (0: 1 MiB) */
	bool quiet;     /* no log lines */
	/* the loop's own */
	int lfd, epfd, sfd;  /* listening socket, epoll, signalfd */
	struct conn **conns; /* by fd */
	int nconns;
	unsigned gen;
	struct offload pool;
	/* counters, read after server_run returns */
	long accepted, served, closed_bad, cut_slow, sums_pool, sums_loop;
	long open, open_max;
	int stop_signo; /* the signal that stopped the loop */
};

/* Blocks SIGTERM, SIGINT, SIGALRM (the loop reads them from a signalfd) and SIGPIPE
 * in the calling thread: call it before any thread starts. */
void server_block_signals(void);
/* Listens on 127.0.0.1:s->port and starts the pool. */
void server_open(struct server *s);
/* Serves until SIGTERM, SIGINT or SIGALRM, then closes every socket it has and
 * stops the pool. */
void server_run(struct server *s);
/* Watches fd in the epoll set (op: EPOLL_CTL_ADD or EPOLL_CTL_MOD) for
 * events; gen tells a connection from an older one on the same fd. */
void server_watch(struct server *s, int fd, unsigned gen, uint32_t events,
		  int op);
/* Takes every connection waiting to be accepted. */
void server_accept(struct server *s);

/* Handles one request line (without its newline) of c. */
void serve_line(struct server *s, struct conn *c, char *line);
void server_reply(struct server *s, struct conn *c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void server_close(struct server *s, struct conn *c, const char *why);

#endif
