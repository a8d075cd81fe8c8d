/* hostile.c: what a hostile submission might do, one misdeed per --mode,
 * for tests/grading.bats to check that the jail contains it.
 * Run: hostile MODE [ARG]; exit 0 means the misdeed worked, 1 that it was
 * stopped (each mode says which call failed). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <unistd.h>

static int failed(const char *what)
{
	fprintf(stderr, "hostile: %s: %s\n", what, strerror(errno));
	return 1;
}

/* Leaves a process behind that has left our session and process group. */
static int detach(void)
{
	if (fork() == 0) {
		setsid();
		if (fork() == 0) {
			sleep(60);
			_exit(0);
		}
		_exit(0);
	}
	return 0;
}

/* Leaves IPC objects and temp files named after arg. */
static int leave(const char *tag)
{
	char name[256];
	snprintf(name, sizeof name, "/%s", tag);
	int fd = shm_open(name, O_CREAT | O_RDWR, 0666);
	if (fd < 0)
		return failed("shm_open");
	struct mq_attr a = {.mq_maxmsg = 1, .mq_msgsize = 8};
	if (mq_open(name, O_CREAT | O_RDWR, 0666, &a) == (mqd_t)-1)
		return failed("mq_open");
	if (shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0666) < 0)
		return failed("shmget");
	snprintf(name, sizeof name, "/tmp/%s", tag);
	if (open(name, O_CREAT | O_WRONLY, 0666) < 0)
		return failed("open /tmp");
	snprintf(name, sizeof name, "/var/tmp/%s", tag);
	if (open(name, O_CREAT | O_WRONLY, 0666) < 0)
		return failed("open /var/tmp");
	return 0;
}

/* Writes n MiB to fd. */
static int flood(int fd, long n)
{
	static char mib[1 << 20];
	memset(mib, 'x', sizeof mib);
	for (long i = 0; i < n; i++)
		if (write(fd, mib, sizeof mib) != (ssize_t)sizeof mib)
			return failed("write");
	return 0;
}

/* Tries to connect to port of the host's loopback, then to an outside
 * address. In the jail, its own loopback has nothing on that port
 * ("Connection refused") and there is no route out ("Network is
 * unreachable"); reaching either is a way out. */
static int net(const char *port)
{
	const char *to[] = {"127.0.0.1",
			    "192.0.2.1"}; /* the host, TEST-NET-1 */
	for (int i = 0; i < 2; i++) {
		int s = socket(AF_INET, SOCK_STREAM, 0);
		struct sockaddr_in a = {.sin_family = AF_INET,
					.sin_port =
						htons((uint16_t)atoi(port))};
		inet_pton(AF_INET, to[i], &a.sin_addr);
		if (s < 0)
			return failed("socket");
		if (connect(s, (struct sockaddr *)&a, sizeof a) == 0) {
			printf("hostile: reached %s port %s\n", to[i], port);
			return 0;
		}
		fprintf(stderr, "hostile: connect %s: %s\n", to[i],
			strerror(errno));
		close(s);
	}
	return 1;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	const char *arg = argc > 2 ? argv[2] : "x";
	if (!strcmp(mode, "detach"))
		return detach();
	if (!strcmp(mode, "leave"))
		return leave(arg);
	if (!strcmp(mode, "flood"))
		return flood(1, 1024);
	if (!strcmp(mode, "fill-tmp")) {
		int fd = open("/tmp/fill", O_CREAT | O_WRONLY, 0666);
		return fd < 0 ? failed("open") : flood(fd, 1024);
	}
	if (!strcmp(mode, "net"))
		return net(arg);
	if (!strcmp(mode, "read"))
		return open(arg, O_RDONLY) < 0 ? failed("open for reading") : 0;
	if (!strcmp(mode, "write"))
		return open(arg, O_WRONLY | O_APPEND) < 0
			       ? failed("open for writing")
			       : 0;
	if (!strcmp(mode, "kill-all"))
		return kill(-1, SIGKILL) < 0 ? failed("kill") : 0;
	if (!strcmp(mode, "fork-bomb")) {
		/* Every process forks until the process cap says no, then
		 * waits quietly, so the test burns no CPU while it waits. */
		while (fork() >= 0)
			;
		pause();
	}
	if (!strcmp(mode, "hang"))
		pause();
	fprintf(stderr, "hostile: --mode: unknown mode '%s'\n", mode);
	return 2;
}
