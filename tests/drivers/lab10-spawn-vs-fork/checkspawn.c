/* checkspawn.c: lab10's test driver for start_spawn (spawn.c). It starts
 * one child with a random token and exit status, then checks from outside:
 * posix_spawn (or posix_spawnp) started it and nothing else did (starts.h),
 * the token came from that very child (the kernel names the sender), the
 * exit status came back, and the child was reaped. Prints "ok" last. */
#include "proof.h"
#include "starts.h"

#include <sys/wait.h>

#include "start.h"

int main(void)
{
	drv = "checkspawn";
	int sv[2];
	token_socket(sv);
	struct job j = {.fd = sv[1]};
	j.status = make_token(j.token, sizeof j.token);

	int status = start_spawn(&j), err = errno;
	close(sv[1]);
	started("start_spawn", status == -1 ? err : 0);
	if (spawns != 1 || spawned <= 0)
		fail("start_spawn called posix_spawn or posix_spawnp %d times "
		     "(successfully: %s), for one child",
		     spawns, spawned > 0 ? "yes" : "no");
	pid_t left = waitpid(-1, NULL, WNOHANG);
	if (left != -1 || errno != ECHILD)
		fail("start_spawn returned before it reaped its child (pid "
		     "%ld): %s",
		     (long)spawned,
		     left == 0 ? "it still runs" : "it is a zombie");

	char got[64];
	pid_t from;
	if (recv_from(sv[0], got, sizeof got, &from, 1000) < 0)
		fail("no token came back on the job's fd");
	if (strcmp(got, j.token) != 0)
		fail("the token that came back is \"%s\", not \"%s\"", got,
		     j.token);
	if (from == getpid())
		fail("the token was written by the parent itself (pid %ld), "
		     "not by the child",
		     (long)from);
	if (from != spawned)
		fail("the token came from pid %ld, not from the child that "
		     "posix_spawn started (pid %ld)",
		     (long)from, (long)spawned);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != j.status)
		fail("start_spawn returned wait status %d; the child ended "
		     "with exit status %d",
		     status, j.status);
	printf("checkspawn: ok: posix_spawn started pid %ld, which wrote the "
	       "token and ended with status %d, and it was reaped\n",
	       (long)spawned, j.status);
	return 0;
}
