/* checkkill.c: lab12's kill test, run in the jail (whose /dev/shm is this
 * run's alone). 21 trials: a child runs the counter (count_run, each mode
 * in turn) and is killed by SIGINT, SIGTERM or SIGKILL at a random moment
 * after its counting processes have started; the last trial runs to its
 * end. This driver adopts every orphan (a child subreaper), so afterwards
 * it can reap them all: every process must end within 3 s, a normal run
 * must leave no child unreaped, and /dev/shm must stay empty.
 * Prints "checkkill: ok" last. */
#include "drv.h"

#include <stdlib.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

enum { TRIALS = 20 };

/* Whether process pid has a child yet (its counting processes). */
static int has_child(pid_t pid)
{
	char path[64], buf[64];
	snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", (long)pid,
		 (long)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	return n > 0;
}

/* Reaps every process below us, within 3 s. Returns how many there were
 * besides x; sets *xst to x's wait status. */
static int reap_all(pid_t x, int *xst)
{
	int others = 0;
	for (int ms = 0;; ms++) {
		int st;
		pid_t pid = waitpid(-1, &st, WNOHANG);
		if (pid == -1 && errno == ECHILD)
			return others;
		if (pid == -1 && errno != EINTR)
			drv_fail("waitpid: %s", strerror(errno));
		if (pid > 0) {
			if (pid == x)
				*xst = st;
			else
				others++;
			continue;
		}
		if (ms == 3000)
			drv_fail("a process still runs 3 s after the counter "
				 "was killed: its counting processes must end "
				 "with it");
		struct timespec t = {0, 1000000};
		nanosleep(&t, NULL);
	}
}

int main(void)
{
	drv_name = "checkkill";
	drv_deadline(20);
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) == -1)
		drv_fail("prctl: %s", strerror(errno));
	shm_is_empty("before the test (not empty: not a private /dev/shm?)");
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	const int sigs[] = {SIGINT, SIGTERM, SIGKILL};
	for (int i = 0; i <= TRIALS; i++) {
		int sig = sigs[i % 3], last = i == TRIALS;
		struct count_job job = {.mode = (enum mode)(i % 3),
					.procs = 2 + i % 2,
					.iters = last ? 1000 : 1000000000,
					.victim_at = -1,
					.watchdog_ms = 5000};
		fflush(stdout);
		pid_t x = fork();
		if (x == -1)
			drv_fail("fork: %s", strerror(errno));
		if (x == 0) {
			struct count_result r;
			count_run(&job, &r);
			_exit(r.killed || r.failed);
		}
		int xst = -1, others;
		if (!last) {
			for (int ms = 0; !has_child(x); ms++) {
				if (ms == 3000)
					drv_fail("the counter started no "
						 "process in 3 s");
				struct timespec t = {0, 1000000};
				nanosleep(&t, NULL);
			}
			struct timespec t = {0, (rand() % 20) * 1000000L};
			nanosleep(&t, NULL);
			kill(x, sig);
		}
		others = reap_all(x, &xst);
		if (last && (xst != 0 || others))
			drv_fail("a normal run ended with status %d and left "
				 "%d processes unreaped",
				 xst, others);
		if (!last && (!WIFSIGNALED(xst) || WTERMSIG(xst) != sig))
			drv_fail("the counter, sent signal %d, ended with "
				 "status %d",
				 sig, xst);
		char when[64];
		snprintf(when, sizeof when, "after trial %d (%s)", i + 1,
			 last ? "a normal run" : strsignal(sig));
		shm_is_empty(when);
	}
	printf("checkkill: ok: %d kills and a normal run left no process "
	       "and nothing in /dev/shm\n",
	       TRIALS);
	return 0;
}
