/* spawn.c: start the helper program with posix_spawn.
 * glibc does it with clone(CLONE_VM | CLONE_VFORK): the child borrows the
 * parent's memory until it execs, so nothing is copied and the cost stays
 * the same however big the parent is. Python's "spawn" is this plus a new
 * interpreter that imports the program again. */
#include <errno.h>
#include <spawn.h>

#include "start.h"
#include "wb.h"

extern char **environ;

int start_spawn(const struct job *j)
{
	char buf[32], *argv[5];
	helper_argv(j, buf, sizeof buf, argv);
	// TODO(lab10): posix_spawn helper_path() with argv and environ, then return reap(pid)
	errno = ENOSYS;
	return -1;
}
