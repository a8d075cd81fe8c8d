/* serve.c: the protocol. "echo" and "stats" are answered at once, on the
 * loop; "sum N" is CPU work, handed to the pool so the loop goes on serving
 * the other connections while a worker computes. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "loop.h"
#include "wb.h"

void server_close(struct server *s, struct conn *c, const char *why)
{
	if (why && !s->quiet)
		fprintf(stderr, "%s: connection %u (fd %d): %s: closed\n",
			wb_prog, c->gen, c->fd, why);
	s->conns[c->fd] = NULL;
	close(c->fd); /* also takes it out of the epoll set */
	conn_free(c);
	s->open--;
}

void server_reply(struct server *s, struct conn *c, const char *fmt, ...)
{
	char line[LINE_MAX_BYTES + 2];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line - 1, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n > sizeof line - 2)
		n = (int)sizeof line -
		    2; /* cannot happen: requests are shorter */
	line[n++] = '\n';
	s->served++;
	if (!conn_queue(c, line, (size_t)n)) {
		s->cut_slow++;
		server_close(s, c, "too slow: it does not read its replies");
	}
}

/* "sum N": N is 1 to SUM_MAX decimal digits and nothing else. */
static bool parse_n(const char *p, uint64_t *n)
{
	char *end;
	if (*p < '0' || *p > '9')
		return false;
	unsigned long long v = strtoull(p, &end, 10);
	*n = v;
	return *end == '\0' && v >= 1 && v <= SUM_MAX;
}

static void sum(struct server *s, struct conn *c, uint64_t n)
{
	// TODO(lab18): hand the work to the pool (offload_submit a struct job for this connection) instead of computing it here on the loop
	s->sums_loop++;
	server_reply(s, c, "%llu", (unsigned long long)wb_burn(n));
}

void serve_line(struct server *s, struct conn *c, char *line)
{
	uint64_t n;
	if (strncmp(line, "echo ", 5) == 0)
		server_reply(s, c, "%s", line + 5);
	else if (strcmp(line, "stats") == 0)
		server_reply(s, c, "open %ld served %ld pool %ld loop %ld",
			     s->open, s->served, s->sums_pool, s->sums_loop);
	else if (strncmp(line, "sum ", 4) == 0 && parse_n(line + 4, &n))
		sum(s, c, n);
	else
		server_close(s, c, "garbage: not echo, sum N or stats");
}
