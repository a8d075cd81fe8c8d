/* preap.c: lab09's test driver for reap (status.c). It checks that reap
 * waits for the very child it is given (another child, already a zombie,
 * stays one until its own turn), returns that child's wait status, leaves
 * no zombie behind, waits on when a signal interrupts the wait (EINTR),
 * and returns -1 with ECHILD for a pid that is not a child. Prints
 * "preap: ok" last. */
#include "drv.h"

#include <sys/time.h>

#include "procs.h"

static volatile sig_atomic_t ticks;

static void tick(int sig)
{
	(void)sig;
	ticks++;
}

static pid_t child(int ms, int code)
{
	pid_t pid = fork();
	if (pid == -1)
		drv_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		usleep((useconds_t)ms * 1000);
		_exit(code);
	}
	return pid;
}

static void expect(pid_t pid, int st, int code, const char *when)
{
	if (st == -1)
		drv_fail("reap(%ld) %s returned -1 (%s)", (long)pid, when,
			 strerror(errno));
	if (!WIFEXITED(st) || WEXITSTATUS(st) != code)
		drv_fail("reap(%ld) %s returned wait status %#x; that child "
			 "called exit(%d), wait status %#x",
			 (long)pid, when, st, code, code << 8);
	if (state_of(pid))
		drv_fail("after reap(%ld) %s, /proc/%ld still exists (state "
			 "%c): the child was not reaped",
			 (long)pid, when, (long)pid, state_of(pid));
}

int main(void)
{
	drv_name = "preap";
	drv_deadline(10000, "reap did not return within 10 s");
	/* a is a zombie before reap(b) starts; b ends later */
	pid_t a = child(0, 3);
	if (!zombie_within(a, 5000))
		drv_fail("the child %ld did not end", (long)a);
	pid_t b = child(50, 5);
	expect(b, reap(b), 5, "(another child was a zombie already)");
	if (state_of(a) != 'Z')
		drv_fail("reap(%ld) reaped another child, %ld, which had "
			 "ended first: wait for the pid you are given",
			 (long)b, (long)a);
	expect(a, reap(a), 3, "");

	/* SIGALRM every 10 ms, without SA_RESTART: waitpid fails EINTR */
	struct sigaction sa = {.sa_handler = tick};
	sigaction(SIGALRM, &sa, NULL);
	struct itimerval every = {{0, 10000}, {0, 10000}},
			 off = {{0, 0}, {0, 0}};
	pid_t c = child(150, 9);
	setitimer(ITIMER_REAL, &every, NULL);
	int st = reap(c);
	setitimer(ITIMER_REAL, &off, NULL);
	expect(c, st, 9, "while signals came in (EINTR)");
	drv_deadline(10000, "reap did not return within 10 s");

	errno = 0;
	if (reap(getpid()) != -1 || errno != ECHILD)
		drv_fail("reap(%ld), a pid that is no child, should return -1 "
			 "with errno ECHILD",
			 (long)getpid());
	printf("preap: ok: each child reaped by its own pid, %d signals "
	       "during one wait\n",
	       (int)ticks);
	return 0;
}
