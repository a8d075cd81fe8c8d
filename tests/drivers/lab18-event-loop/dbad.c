/* dbad.c: bad clients are closed, one by one, and the server goes on: a
 * line of garbage, a line longer than the limit, a "sum" with a bad
 * number, a client that leaves in the middle of a request. A good client
 * is answered before and after each. */
#include "drv.h"

static void good(int fd, int i)
{
	char buf[64], want[32];
	snprintf(want, sizeof want, "echo ok %d\n", i);
	drv_say(fd, want);
	want[strlen(want) - 1] = '\0';
	if (drv_hear(fd, buf, sizeof buf) < 0 || strcmp(buf, want + 5) != 0)
		drv_fail("the good client got \"%s\" after bad client %d", buf,
			 i);
}

int main(void)
{
	drv_name = "dbad";
	setvbuf(stdout, NULL, _IOLBF, 0);
	static char longline[3000];
	memset(longline, 'y', sizeof longline - 1);
	memcpy(longline, "echo ", 5);
	const char *bad[] = {"\x01\x02garbage\n", longline, "sum 12x\n",
			     "sum 99999999999999999999\n", "hello\n"};
	struct server s = {.workers = 1, .quiet = true};
	drv_serve(&s);
	drv_deadline(3000, "a bad client was not closed");
	int ok = drv_connect(s.port, 0, 0);
	good(ok, 0);
	for (int i = 0; i < 5; i++) {
		int fd = drv_connect(s.port, 0, 0);
		send(fd, bad[i], strlen(bad[i]), MSG_NOSIGNAL);
		if (!drv_closed(fd))
			drv_fail("bad client %d was not closed", i);
		close(fd);
		good(ok, i + 1);
	}
	int fd = drv_connect(s.port, 0, 0);
	drv_say(fd, "echo half a requ");
	close(fd);
	good(ok, 6);
	drv_stop();
	close(ok);
	puts("5 bad clients closed, one left mid-request; the good one was "
	     "answered throughout");
	puts("dbad: ok");
	return 0;
}
