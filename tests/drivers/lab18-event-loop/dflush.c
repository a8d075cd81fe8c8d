/* dflush.c: conn_flush against a socket that takes output in pieces. The
 * wrapped write (or send) lets 7 bytes through, then 300, then fails with
 * EINTR, then with EAGAIN from then on: conn_flush must return 1 with the
 * rest kept, and call write no more. With the socket's room back, a second
 * conn_flush must send the rest; the peer must read every byte, in order,
 * once. Then a closed peer: conn_flush returns -1. */
#include "drv.h"

ssize_t __real_write(int fd, const void *buf, size_t n);
ssize_t __real_send(int fd, const void *buf, size_t n, int flags);

enum { THROUGH = -1, AGAIN = -2, INTR = -3 };
static const long script[] = {7, 300, INTR};
static int calls;       /* write calls since the script began */
static bool scripted;   /* false: every write goes through */
static int calls_after; /* calls after the first EAGAIN */

/* What the next call does: at most n bytes, or an error. */
static long next(void)
{
	if (!scripted)
		return THROUGH;
	int i = calls++;
	if (i < (int)(sizeof script / sizeof *script))
		return script[i];
	if (++calls_after > 1000)
		drv_fail("conn_flush called write %d times after it said "
			 "EAGAIN: "
			 "on EAGAIN return 1 and wait for EPOLLOUT",
			 calls_after);
	return AGAIN;
}

static ssize_t fake(long act, size_t *n)
{
	if (act == AGAIN || act == INTR) {
		errno = act == AGAIN ? EAGAIN : EINTR;
		return -1;
	}
	if (act > 0 && *n > (size_t)act)
		*n = (size_t)act;
	return 0;
}

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
	if (fake(next(), &n) < 0)
		return -1;
	return __real_write(fd, buf, n);
}

ssize_t __wrap_send(int fd, const void *buf, size_t n, int flags)
{
	if (fake(next(), &n) < 0)
		return -1;
	return __real_send(fd, buf, n, flags | MSG_NOSIGNAL);
}

#define N 1000

int main(void)
{
	drv_name = "dflush";
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);
	drv_deadline(3000, "conn_flush did not return");
	int sv[2];
	char want[N + 500], got[N + 600];
	wb_sys(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv),
	       "socketpair");
	for (int i = 0; i < N + 500; i++)
		want[i] = (char)('a' + i % 26 + (i / 26 % 2) * ('A' - 'a'));
	struct conn *c = conn_new(sv[0], 1, 1 << 20);
	if (!conn_queue(c, want, N))
		drv_fail("conn_queue refused %d bytes with a limit of 1 MiB",
			 N);
	scripted = true;
	int r = conn_flush(c);
	if (calls < 4)
		drv_fail("conn_flush made %d write calls; after a short write "
			 "(7 of %d bytes) it must write the rest",
			 calls, N);
	if (r != 1)
		drv_fail("conn_flush returned %d after write said EAGAIN; "
			 "expected 1 (the socket is full: wait for EPOLLOUT)",
			 r);
	if (conn_unsent(c) != N - 307)
		drv_fail(
			"after 7 + 300 bytes written and EAGAIN, %zu bytes are "
			"left unsent; expected %d",
			conn_unsent(c), N - 307);
	/* More output while some waits: it goes after the rest. */
	if (!conn_queue(c, want + N, 500))
		drv_fail("conn_queue refused 500 more bytes");
	scripted = false;
	r = conn_flush(c);
	if (r != 0 || conn_unsent(c) != 0)
		drv_fail("with room in the socket, conn_flush returned %d with "
			 "%zu bytes unsent; expected 0 and 0",
			 r, conn_unsent(c));
	ssize_t n = recv(sv[1], got, sizeof got, 0);
	if (n != N + 500 || memcmp(got, want, N + 500) != 0)
		drv_fail("the peer read %zd bytes, not the %d written in order "
			 "(some sent twice, lost or out of order)",
			 n, N + 500);
	close(sv[1]);
	conn_queue(c, "x\n", 2);
	r = conn_flush(c);
	if (r != -1)
		drv_fail("conn_flush to a closed peer returned %d; expected -1",
			 r);
	close(sv[0]);
	conn_free(c);
	printf("7 + 300 bytes, EINTR, EAGAIN: kept %d bytes; then all %d "
	       "arrived in order\n",
	       N - 307, N + 500);
	puts("dflush: ok");
	return 0;
}
