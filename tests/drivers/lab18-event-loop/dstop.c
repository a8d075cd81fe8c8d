/* dstop.c: SIGTERM to the process stops the tree's server: server_run
 * returns, its clients see their connections closed, it leaves no socket
 * open and nothing listening on its port, and its pool threads are gone. */
#include "drv.h"

static int threads(void)
{
	DIR *d = opendir("/proc/self/task");
	int n = 0;
	if (!d)
		wb_die("opendir /proc/self/task", errno);
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

int main(void)
{
	drv_name = "dstop";
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct server s = {.workers = 3, .quiet = true};
	int fds[10];
	char buf[64];
	drv_serve(&s);
	if (!drv_listening(s.port))
		drv_fail("nothing listens on port %d after server_open",
			 s.port);
	for (int i = 0; i < 10; i++) {
		fds[i] = drv_connect(s.port, 0, 0);
		drv_say(fds[i], "echo hi\n");
		if (drv_hear(fds[i], buf, sizeof buf) < 0)
			drv_fail("no reply to echo");
	}
	drv_deadline(3000, "server_run did not return after SIGTERM");
	int before = threads();  /* with the loop and its 3 workers */
	kill(getpid(), SIGTERM); /* blocked: its signalfd reads it */
	wb_check(pthread_join(drv_loop, NULL), "pthread_join");
	for (int i = 0; i < 10; i++)
		if (!drv_closed(fds[i]))
			drv_fail("client %d's connection is still open", i);
	for (int i = 0; i < 10; i++)
		close(fds[i]);
	if (drv_sockets() != 0)
		drv_fail("%d sockets still open after server_run returned",
			 drv_sockets());
	if (drv_listening(s.port))
		drv_fail("something still listens on port %d", s.port);
	if (threads() != before - 4)
		drv_fail("%d threads before SIGTERM, %d after server_run "
			 "returned: expected the loop and its 3 workers gone",
			 before, threads());
	puts("SIGTERM: 10 connections closed, no socket left, nothing "
	     "listening");
	puts("dstop: ok");
	return 0;
}
