/* checkrespawn.c: lab10's test driver for spawn_self (hazard.c), which
 * starts the program afresh as forkhazard's child. Here the program is
 * this driver: run with the job's socket on fd CHILD_FD, it is that child,
 * and reports its arguments. The parent checks that posix_spawn (or
 * posix_spawnp), and nothing else, started it (starts.h), that the report
 * came from that pid (the kernel names the sender), with --child and
 * --watchdog-ms as asked, and reaps it. Prints "ok" last. */
#include "proof.h"
#include "starts.h"

#include <fcntl.h>
#include <sys/wait.h>

#include "hazard.h"
#include "wb.h"

enum { CHILD_FD = 9, MS = 777 };

/* The fresh child: says whether it got --child and --watchdog-ms MS. */
static int child(int argc, char **argv)
{
	int is_child = 0, ms = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--child") == 0)
			is_child = 1;
		else if (strncmp(argv[i], "--watchdog-ms=", 14) == 0)
			ms = atoi(argv[i] + 14);
		else if (strcmp(argv[i], "--watchdog-ms") == 0 && i + 1 < argc)
			ms = atoi(argv[++i]);
	}
	char line[64];
	int n = snprintf(line, sizeof line, "fresh child=%d ms=%d", is_child,
			 ms);
	return send(CHILD_FD, line, (size_t)n, 0) == n ? 0 : 1;
}

int main(int argc, char **argv)
{
	drv = "checkrespawn";
	if (fcntl(CHILD_FD, F_GETFD) != -1)
		return child(argc, argv);
	int sv[2];
	token_socket(sv);
	if (dup2(sv[1], CHILD_FD) == -1) /* dup2: not closed at exec */
		fail("dup2: %s", strerror(errno));
	close(sv[1]);

	pid_t pid = spawn_self(MS);
	int err = errno;
	close(CHILD_FD);
	started("spawn_self", pid == -1 ? err : 0);
	if (spawns != 1 || pid != spawned)
		fail("spawn_self returned pid %ld after %d calls of "
		     "posix_spawn or posix_spawnp (last pid %ld)",
		     (long)pid, spawns, (long)spawned);
	char got[64], want[64];
	pid_t from;
	int status;
	wb_sys(waitpid(pid, &status, 0), "waitpid");
	/* It has ended: what it sent is there already. */
	ssize_t n = recv_from(sv[0], got, sizeof got, &from, 100);
	if (n < 0)
		fail("the child (pid %ld) never ran this program afresh "
		     "(wait status %d): spawn /proc/self/exe",
		     (long)pid, status);
	if (from != pid)
		fail("the report came from pid %ld, not from the child",
		     (long)from);
	snprintf(want, sizeof want, "fresh child=1 ms=%d", MS);
	if (strcmp(got, want) != 0)
		fail("the child got the wrong arguments (\"%s\"): expected "
		     "--child --watchdog-ms %d",
		     got, MS);
	if (status != 0)
		fail("the child ended with wait status %d", status);
	printf("checkrespawn: ok: posix_spawn ran the program afresh as pid "
	       "%ld, with --child --watchdog-ms %d\n",
	       (long)pid, MS);
	return 0;
}
