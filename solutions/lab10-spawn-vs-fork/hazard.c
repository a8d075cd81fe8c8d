/* hazard.c: the two fixes for a fork while another thread holds log_lock:
 * fork handlers make the fork wait for the lock and hand each copy over
 * free; posix_spawn starts a fresh program, which inherits no lock at all.
 * Run: make lab10 PROG=forkhazard ARGS="--fix atfork" (or spawn); expect
 * "child ... ended with status 0" where --fix none ends with status 3. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>

#include "hazard.h"
#include "wb.h"

extern char **environ;

pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

/* STARTER BEGIN
// TODO(lab10): write fork handlers: take log_lock before fork, release it after (in parent and child)
STARTER END */
/* Before fork: wait until no thread holds log_lock, and hold it across the
 * fork, so both copies of the mutex are held by the forking thread. */
static void before_fork(void)
{
	wb_check(pthread_mutex_lock(&log_lock), "pthread_mutex_lock");
}

/* After fork, in the parent and in the child: the forking thread (the
 * child's only thread is its copy) lets go of its lock. */
static void after_fork(void)
{
	wb_check(pthread_mutex_unlock(&log_lock), "pthread_mutex_unlock");
}
/* SOLUTION END */

void guard_log_lock(void)
{
	/* STARTER BEGIN
	// TODO(lab10): register your fork handlers with pthread_atfork
	STARTER END */
	wb_check(pthread_atfork(before_fork, after_fork, after_fork),
		 "pthread_atfork");
	/* SOLUTION END */
}

pid_t spawn_self(long watchdog_ms)
{
	/* STARTER BEGIN
	// TODO(lab10): posix_spawn /proc/self/exe with --child --watchdog-ms N and environ; return its pid
	(void)watchdog_ms;
	errno = ENOSYS;
	return -1;
	STARTER END */
	char ms[24],
		*argv[] = {"forkhazard", "--child", "--watchdog-ms", ms, NULL};
	snprintf(ms, sizeof ms, "%ld", watchdog_ms);
	pid_t pid;
	/* /proc/self/exe: this very program, wherever it lies. posix_spawn
	 * returns the error number instead of setting errno. */
	int err =
		posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ);
	if (err) {
		errno = err;
		return -1;
	}
	return pid;
	/* SOLUTION END */
}
