/* tpc.c: thread-per-connection. Simple code (each thread reads a line,
 * answers it, waits for the next), paid for with one thread, its stack and
 * its scheduling, for every connection. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "loop.h"
#include "tpc.h"
#include "wb.h"

struct link {
	struct tpc *t;
	int i; /* this connection's slot */
};

/* Answers one line into out; false for garbage. */
static bool answer(char *line, char *out, size_t size)
{
	char *end;
	if (strncmp(line, "echo ", 5) == 0) {
		snprintf(out, size, "%s\n", line + 5);
		return true;
	}
	if (strncmp(line, "sum ", 4) != 0 || line[4] < '0' || line[4] > '9')
		return false;
	unsigned long long n = strtoull(line + 4, &end, 10);
	if (*end || n < 1 || n > SUM_MAX)
		return false;
	snprintf(out, size, "%llu\n", (unsigned long long)wb_burn(n));
	return true;
}

static void *serve(void *arg)
{
	struct link *l = arg;
	struct tpc *t = l->t;
	wb_check(pthread_mutex_lock(&t->lock), "pthread_mutex_lock");
	int fd = t->fds[l->i];
	wb_check(pthread_mutex_unlock(&t->lock), "pthread_mutex_unlock");
	char in[LINE_MAX_BYTES], out[LINE_MAX_BYTES + 2], *nl;
	size_t len = 0;
	ssize_t n;
	while ((n = read(fd, in + len, sizeof in - len)) > 0) {
		len += (size_t)n;
		while ((nl = memchr(in, '\n', len))) {
			*nl = '\0';
			if (!answer(in, out, sizeof out))
				goto done;
			/* Blocking: write returns when all is written. */
			if (write(fd, out, strlen(out)) < 0)
				goto done;
			len -= (size_t)(nl + 1 - in);
			memmove(in, nl + 1, len);
		}
		if (len == sizeof in)
			break; /* line too long */
	}
done:
	wb_check(pthread_mutex_lock(&t->lock), "pthread_mutex_lock");
	close(fd);
	t->fds[l->i] = -1;
	wb_check(pthread_mutex_unlock(&t->lock), "pthread_mutex_unlock");
	free(l);
	return NULL;
}

static void *acceptor(void *arg)
{
	struct tpc *t = arg;
	pthread_attr_t small;
	wb_check(pthread_attr_init(&small), "pthread_attr_init");
	/* 64 KiB of stack is plenty here; the default 8 MiB is reserved. */
	wb_check(pthread_attr_setstacksize(&small, 64 << 10),
		 "pthread_attr_setstacksize");
	int fd;
	while ((fd = accept4(t->lfd, NULL, NULL, SOCK_CLOEXEC)) >= 0) {
		struct link *l = wb_alloc(sizeof *l);
		wb_check(pthread_mutex_lock(&t->lock), "pthread_mutex_lock");
		if (t->n == t->cap) {
			t->cap = t->cap * 2 + 64;
			t->threads =
				realloc(t->threads,
					(size_t)t->cap * sizeof *t->threads);
			t->fds = realloc(t->fds,
					 (size_t)t->cap * sizeof *t->fds);
			if (!t->threads || !t->fds)
				wb_die("realloc", ENOMEM);
		}
		*l = (struct link){t, t->n};
		t->fds[t->n] = fd;
		int rc = pthread_create(&t->threads[t->n], &small, serve, l);
		if (rc == EAGAIN)
			wb_die("pthread_create (too many threads: "
			       "RLIMIT_NPROC, ulimit -u)",
			       rc);
		wb_check(rc, "pthread_create");
		t->n++;
		wb_check(pthread_mutex_unlock(&t->lock),
			 "pthread_mutex_unlock");
	}
	if (errno != EINVAL) /* EINVAL: tpc_close shut the socket down */
		wb_die("accept4", errno);
	wb_check(pthread_attr_destroy(&small), "pthread_attr_destroy");
	return NULL;
}

void tpc_open(struct tpc *t)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)t->port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	int one = 1;
	t->lfd = wb_sys(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0),
			"socket");
	wb_sys(setsockopt(t->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one),
	       "setsockopt");
	wb_sys(bind(t->lfd, (struct sockaddr *)&a, sizeof a), "bind 127.0.0.1");
	wb_sys(listen(t->lfd, 4096), "listen");
	wb_sys(getsockname(t->lfd, (struct sockaddr *)&a, &len), "getsockname");
	t->port = ntohs(a.sin_port);
	wb_check(pthread_mutex_init(&t->lock, NULL), "pthread_mutex_init");
	wb_check(pthread_create(&t->acceptor, NULL, acceptor, t),
		 "pthread_create");
}

void tpc_close(struct tpc *t)
{
	shutdown(t->lfd, SHUT_RDWR); /* accept fails with EINVAL */
	wb_check(pthread_join(t->acceptor, NULL), "pthread_join");
	close(t->lfd);
	wb_check(pthread_mutex_lock(&t->lock), "pthread_mutex_lock");
	for (int i = 0; i < t->n; i++)
		if (t->fds[i] >= 0)
			shutdown(t->fds[i], SHUT_RDWR); /* its read returns 0 */
	wb_check(pthread_mutex_unlock(&t->lock), "pthread_mutex_unlock");
	for (int i = 0; i < t->n; i++)
		wb_check(pthread_join(t->threads[i], NULL), "pthread_join");
	free(t->threads);
	free(t->fds);
	wb_check(pthread_mutex_destroy(&t->lock), "pthread_mutex_destroy");
}
