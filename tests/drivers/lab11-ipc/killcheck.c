/* killcheck.c: lab11's test driver for cleanup. Twenty times it starts a
 * process that runs transfers (transfer.c) over one transport, waits a
 * random moment (the seed is printed) and sends it SIGINT, SIGTERM or
 * SIGKILL. Then nothing may be left: no process (this driver is the
 * subreaper, so orphans come to it), no zombie, no queue in /dev/mqueue,
 * nothing in /dev/shm. After SIGINT and SIGTERM the program itself must
 * have reaped its child. A SIGKILL between mq_open and mq_unlink leaves
 * the name whatever a program does, so SIGKILL waits until the name is
 * gone (mq_open and mq_unlink are wrapped to tell). */
#include "drv.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>

static atomic_int *named; /* shared: a queue's name exists now */

mqd_t __real_mq_open(const char *name, int flags, ...);
int __real_mq_unlink(const char *name);

mqd_t __wrap_mq_open(const char *name, int flags, mode_t mode,
		     struct mq_attr *a)
{
	atomic_store(named, 1);
	return __real_mq_open(name, flags, mode, a);
}

int __wrap_mq_unlink(const char *name)
{
	int rc = __real_mq_unlink(name);
	atomic_store(named, 0);
	return rc;
}

/* left: what is in dir (besides . and ..), or NULL */
static const char *left(const char *dir)
{
	static char first[300];
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return NULL;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(first, sizeof first, "%s/%s", dir, e->d_name);
			closedir(d);
			return first;
		}
	closedir(d);
	return NULL;
}

static void nothing_left(const char *when)
{
	const char *f = left("/dev/mqueue");
	if (!f)
		f = left("/dev/shm");
	if (f)
		drv_fail("%s: %s is left behind", when, f);
}

static void trial(int k, unsigned *seed)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGKILL};
	int sig = sigs[(k / 3) % 3];
	struct plan p = {.t = k % 3, .size = 4096, .count = 64};
	char when[80];
	snprintf(when, sizeof when, "trial %d, %s, SIG%s", k,
		 transport_names[p.t],
		 sig == SIGINT    ? "INT"
		 : sig == SIGTERM ? "TERM"
				  : "KILL");
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		cleanup_on_signals();
		for (;;)
			transfer(&p);
	}
	*seed = *seed * 1103515245u + 12345u;
	struct timespec ts = {0, (long)(*seed >> 8) % 20000000};
	nanosleep(&ts, NULL);
	int st;
	for (int tries = 0; sig == SIGKILL; tries++) {
		kill(pid, SIGSTOP);
		waitpid(pid, &st, WUNTRACED);
		if (!atomic_load(named) || tries > 1000)
			break;
		kill(pid, SIGCONT); /* inside the window: a moment later */
		nanosleep(&(struct timespec){0, 20000}, NULL);
	}
	kill(pid, sig);
	if (waitpid(pid, &st, 0) != pid || !WIFSIGNALED(st) ||
	    WTERMSIG(st) != sig)
		drv_fail("%s: the program did not end by that signal "
			 "(wait status %d)",
			 when, st);
	atomic_store(named, 0);
	/* The program's child, if it left one, is ours now. */
	uint64_t t0 = wb_now_ns();
	pid_t o;
	while ((o = waitpid(-1, &st, WNOHANG)) != -1) {
		if (o > 0 && sig != SIGKILL)
			drv_fail("%s: the program ended without reaping its "
				 "child (pid %ld)",
				 when, (long)o);
		if (drv_ms_since(t0) > 3000)
			drv_fail("%s: the program's child still runs 3 s "
				 "after the program was killed",
				 when);
		if (o == 0)
			nanosleep(&(struct timespec){0, 1000000}, NULL);
	}
	nothing_left(when);
}

int main(int argc, char **argv)
{
	drv_name = "killcheck";
	named = mmap(NULL, sizeof *named, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (named == MAP_FAILED || prctl(PR_SET_CHILD_SUBREAPER, 1) == -1)
		drv_fail("setup: %s", strerror(errno));
	unsigned seed = argc > 1 ? (unsigned)atol(argv[1])
				 : (unsigned)getpid() ^ (unsigned)time(NULL);
	printf("killcheck: seed %u\n", seed);
	for (int t = 0; t < TRANSPORTS; t++) {
		struct plan p = {.t = t, .size = 100, .count = 3};
		transfer(&p);
		nothing_left("after a transfer that ended");
	}
	for (int k = 0; k < 20; k++)
		trial(k, &seed);
	printf("killcheck: ok: 20 runs killed by SIGINT, SIGTERM and SIGKILL "
	       "at random moments left no process, zombie or queue\n");
	return 0;
}
