/* child.c: the tiny program that fork-exec and spawn start.
 * With no arguments it ends at once, so timing it times the start alone;
 * with FD TOKEN STATUS it writes TOKEN to FD and ends with STATUS.
 * Run: hyperfine -N build/gcc/solutions/lab10-spawn-vs-fork/child */
#include <stdlib.h>
#include <string.h>

#include "start.h"

int main(int argc, char **argv)
{
	if (argc == 1)
		return 0;
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		puts("usage: child [FD TOKEN STATUS]");
		return 0;
	}
	struct job j;
	char *end1 = "", *end2 = "";
	if (argc == 4) {
		j.fd = (int)strtol(argv[1], &end1, 10);
		j.status = (int)strtol(argv[3], &end2, 10);
	}
	if (argc != 4 || *end1 || *end2 || end1 == argv[1] || end2 == argv[3] ||
	    strlen(argv[2]) >= sizeof j.token) {
		fputs("usage: child [FD TOKEN STATUS]\n", stderr);
		return 2;
	}
	strcpy(j.token, argv[2]);
	run_job(&j);
}
