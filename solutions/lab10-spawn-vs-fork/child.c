/* child.c: the tiny program that fork-exec and spawn start.
 * With no arguments it ends at once, so timing it times the start alone;
 * with FD TOKEN STATUS it writes TOKEN to FD and ends with STATUS.
 * Run: hyperfine -N build/gcc/solutions/lab10-spawn-vs-fork/child */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "start.h"
#include "wb.h"

/* The number in s: decimal digits only (no sign, no blank), lo to hi.
 * Anything else ends the program with a one-line message and status 2. */
static int number(const char *s, const char *name, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno == ERANGE || v < lo || v > hi)
		wb_usage_error("%s: expected an integer from %ld to %ld", name,
			       lo, hi);
	return (int)v;
}

int main(int argc, char **argv)
{
	wb_prog = "child";
	if (argc == 1)
		return 0;
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		puts("usage: child [FD TOKEN STATUS]\n"
		     "writes TOKEN and a newline to file descriptor FD, then "
		     "ends with exit status STATUS;\n"
		     "with no arguments, just ends");
		return 0;
	}
	if (argc != 4)
		wb_usage_error(
			"expected FD TOKEN STATUS or nothing (see --help)");
	struct job j;
	j.fd = number(argv[1], "FD", 0, INT_MAX);
	j.status = number(argv[3], "STATUS", 0, 255);
	if (argv[2][0] == '\0' || strlen(argv[2]) >= sizeof j.token)
		wb_usage_error("TOKEN: expected 1 to %zu characters",
			       sizeof j.token - 1);
	strcpy(j.token, argv[2]);
	run_job(&j);
}
