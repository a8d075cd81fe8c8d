/* dslow.c: a client that sends requests and never reads a reply, beside
 * 100 ordinary ones. The server's output limit is 64 KiB here. The
 * ordinary clients must get every reply while the slow one is stuck; the
 * slow one must be cut off (its sends fail with a reset) before it has
 * sent 16 MiB of echo requests. */
#include "drv.h"

#define OTHERS 100
#define CAP    (16L << 20)

static char line[101]; /* "echo xxx...x\n": a 100-byte request */

/* Sends up to max bytes of requests on the slow socket, without blocking.
 * Returns false once the server has cut it off. */
static bool push(int fd, long *sent, long max)
{
	for (long end = *sent + max; *sent < end;) {
		ssize_t n = send(fd, line, sizeof line - 1,
				 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
			struct pollfd p = {.fd = fd, .events = POLLOUT};
			poll(&p, 1, 20);
			continue;
		}
		if (n < 0 && (errno == EPIPE || errno == ECONNRESET))
			return false; /* cut off */
		if (n < 0)
			drv_fail("send on the slow client: %s",
				 strerror(errno));
		*sent += n;
		atomic_fetch_add(&drv_progress, 1);
	}
	return true;
}

int main(void)
{
	drv_name = "dslow";
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct server s = {.workers = 1, .out_max = 64 << 10, .quiet = true};
	memset(line, 'x', sizeof line - 1);
	memcpy(line, "echo ", 5);
	line[sizeof line - 2] = '\n';
	/* First the limit itself, on a connection of the driver's own. */
	static char chunk[600];
	struct conn *t = conn_new(-1, 1, 1000);
	bool took = conn_queue(t, chunk, 600), more = conn_queue(t, chunk, 600);
	conn_free(t);
	if (!took || more)
		drv_fail("conn_queue with a limit of 1000 bytes took 600 (%s) "
			 "and then 600 more (%s): it must refuse the second",
			 took ? "yes" : "no", more ? "yes" : "no");
	drv_serve(&s);
	drv_deadline(2000,
		     "the slow client was neither cut off nor let through");
	int slow = drv_connect(s.port, 4096, 16384), fds[OTHERS];
	long sent = 0;
	bool alive = push(slow, &sent, 1 << 20);
	char buf[64], want[64];
	for (int i = 0; i < OTHERS; i++)
		fds[i] = drv_connect(s.port, 0, 0);
	for (int k = 0; k < 2; k++) {
		for (int i = 0; i < OTHERS; i++) {
			snprintf(want, sizeof want, "echo %d-%d\n", i, k);
			drv_say(fds[i], want);
		}
		for (int i = 0; i < OTHERS; i++) {
			snprintf(want, sizeof want, "%d-%d", i, k);
			if (drv_hear(fds[i], buf, sizeof buf) < 0 ||
			    strcmp(buf, want))
				drv_fail("client %d got \"%s\", expected "
					 "\"%s\", while "
					 "a slow client did not read",
					 i, buf, want);
		}
	}
	while (alive && sent < CAP)
		alive = push(slow, &sent, 1 << 20);
	if (alive)
		drv_fail(
			"the slow client sent %ld MiB of echo requests without "
			"reading a reply and was not cut off (the output limit "
			"is 64 KiB)",
			sent >> 20);
	drv_stop();
	close(slow);
	for (int i = 0; i < OTHERS; i++)
		close(fds[i]);
	printf("%d clients answered while one did not read; that one was cut "
	       "off after %ld KiB of requests\n",
	       OTHERS, sent >> 10);
	puts("dslow: ok");
	return 0;
}
