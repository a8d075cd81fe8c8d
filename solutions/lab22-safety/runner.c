/* runner.c: running a tool on a name that came from a user. system() and
 * popen() hand one line to /bin/sh, which reads ; | & $( ) ` > and newlines
 * in it as code. posix_spawnp starts the tool itself, with an argument
 * array: no shell sees the name, so the name is one argument, whatever it
 * holds. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "safety.h"

extern char **environ;

int run_tool(const char *tool, const char *name)
{
	int status;
	/* STARTER BEGIN
	// TODO(lab22): posix_spawnp the tool with argv {tool, name, NULL} and waitpid for it: no shell
	char line[1024];
	snprintf(line, sizeof line, "%s %s", tool, name);
	status = system(line);
	STARTER END */
	/* posix_spawnp wants char *const argv[]; it does not change them. */
	char *const argv[] = {(char *)tool, (char *)name, NULL};
	pid_t pid;
	if (posix_spawnp(&pid, tool, NULL, NULL, argv, environ) != 0)
		return -1; /* no such tool, or no process to run it in */
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	/* SOLUTION END */
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}
