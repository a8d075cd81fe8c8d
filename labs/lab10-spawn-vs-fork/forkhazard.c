/* forkhazard.c: fork copies a locked mutex, but not the thread that would
 * unlock it: the child waits for ever, until its watchdog ends it.
 * Run: make lab10 PROG=forkhazard ARGS="--fix none" (or atfork, spawn: the
 * fixes, in hazard.c). Expect none: "child ... ended with status 3";
 * atfork and spawn: status 0. The parent exits 0 in every case. */
#define _GNU_SOURCE /* prctl(PR_SET_PDEATHSIG) */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hazard.h"
#include "start.h"
#include "wb.h"

#define HOLD_MS 200 /* how long the logger holds the lock for one line */

enum { FIX_NONE, FIX_ATFORK, FIX_SPAWN };
static const char *const fixes[] = {"none", "atfork", "spawn", NULL};
static pthread_barrier_t held; /* the logger has log_lock: fork now */
static atomic_long progress;   /* the child's, for its watchdog */

/* The helper thread: takes log_lock, tells main, then holds the lock while
 * it writes one slow log line. */
static void *logger(void *unused)
{
	(void)unused;
	wb_check(pthread_mutex_lock(&log_lock), "pthread_mutex_lock");
	pthread_barrier_wait(&held);
	wb_sleep_ns(HOLD_MS * 1000000ull);
	wb_check(pthread_mutex_unlock(&log_lock), "pthread_mutex_unlock");
	return NULL;
}

static void say_stuck(FILE *out, void *unused)
{
	(void)unused;
	fprintf(out,
		"forkhazard: child %ld waits for log_lock; the logger thread "
		"that holds it was not copied by fork, so nobody will unlock "
		"it\n",
		(long)getpid());
}

/* The child's work, however it was started: take log_lock, log, end.
 * fresh: this is a new run of the program, not a copy made by fork. */
static int child(long watchdog_ms, bool fresh)
{
	wb_watchdog_start(watchdog_ms, &progress, say_stuck, NULL);
	wb_check(pthread_mutex_lock(&log_lock), "pthread_mutex_lock");
	atomic_fetch_add(&progress, 1);
	printf("child %ld: took log_lock%s\n", (long)getpid(),
	       fresh ? " (a fresh run of the program, by posix_spawn)" : "");
	wb_check(pthread_mutex_unlock(&log_lock), "pthread_mutex_unlock");
	wb_watchdog_stop();
	fflush(stdout);
	return 0;
}

/* Starts the child: a copy by fork, or (fix spawn) a fresh program. */
static pid_t start_child(int fix, long watchdog_ms)
{
	fflush(stdout); /* or the child would write our buffered lines again */
	if (fix == FIX_SPAWN) {
		pid_t pid = spawn_self(watchdog_ms);
		if (pid != -1 || errno != ENOSYS)
			return wb_sys(pid, "posix_spawn"); /* dies on -1 */
		printf("main: spawn_self is not written yet: forking\n");
	}
	pid_t parent = getpid();
	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		/* Die with the thread that forked (main); if it died before
		 * prctl, our parent has changed already. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() != parent)
			_exit(1);
		_exit(child(watchdog_ms, false));
	}
	return pid;
}

/* One try: the logger takes log_lock, main starts the child meanwhile and
 * reports how it ended. Returns the child's wait status. */
static int run_once(int fix, long watchdog_ms)
{
	printf("main: the logger thread takes log_lock for %d ms; main starts "
	       "the child meanwhile (fix: %s)\n",
	       HOLD_MS, fixes[fix]);
	pthread_t t;
	wb_check(pthread_barrier_init(&held, NULL, 2), "pthread_barrier_init");
	wb_check(pthread_create(&t, NULL, logger, NULL), "pthread_create");
	pthread_barrier_wait(&held);
	uint64_t t0 = wb_now_ns();
	pid_t pid = start_child(fix, watchdog_ms);
	printf("main: started child %ld in %.1f ms\n", (long)pid,
	       (double)(wb_now_ns() - t0) / 1e6);
	int status = reap(pid);
	if (status == -1)
		wb_die("waitpid", errno);
	if (WIFSIGNALED(status))
		printf("child %ld was killed by signal %d\n", (long)pid,
		       WTERMSIG(status));
	else if (WEXITSTATUS(status) == 3)
		printf("child %ld ended with status 3: it waited for log_lock "
		       "until its watchdog ended it\n",
		       (long)pid);
	else
		printf("child %ld ended with status %d%s\n", (long)pid,
		       WEXITSTATUS(status),
		       status == 0 ? ": it took log_lock and finished" : "");
	wb_check(pthread_join(t, NULL), "pthread_join");
	wb_check(pthread_barrier_destroy(&held), "pthread_barrier_destroy");
	return status;
}

int main(int argc, char **argv)
{
	long watchdog_ms = 1000;
	int fix = FIX_NONE;
	bool as_child = false;
	const struct wb_opt opts[] = {
		WB_CHOICE("fix", &fix, fixes, "how to keep the child unstuck"),
		WB_INT("watchdog-ms", &watchdog_ms, 10, 60000,
		       "how long the child may wait for the lock"),
		WB_FLAG("child", &as_child,
			"be the child (used by --fix spawn)"),
		WB_OPT_END};
	wb_parse(argc, argv, "forkhazard",
		 "Fork while another thread holds a lock.", opts);
	if (as_child)
		return child(watchdog_ms, true);
	setvbuf(stdout, NULL, _IOLBF, 0); /* in order with the child's lines */
	if (fix == FIX_ATFORK)
		guard_log_lock(); /* hazard.c */
	/* Without a fix the child can only finish if the logger let go before
	 * the fork, which takes a stall of HOLD_MS in main: then try again. */
	for (int try = 1; try <= 3; try++) {
		if (run_once(fix, watchdog_ms) != 0 || fix != FIX_NONE)
			break;
		printf("note: log_lock was free at the fork (a very busy "
		       "machine?): trying again\n");
	}
	if (children_of(getpid(), 0, stdout) == 0)
		printf("no child left behind\n");
	return 0;
}
