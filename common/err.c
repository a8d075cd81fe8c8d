/* err.c: a failing call ends the program with "prog: what: reason". */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "wb.h"

noreturn void wb_die(const char *what, int err)
{
	fprintf(stderr, "%s: %s: %s\n", wb_prog, what, strerror(err));
	exit(1);
}

/* pthread calls return the error number instead of setting errno. */
void wb_check(int rc, const char *what)
{
	if (rc != 0)
		wb_die(what, rc);
}

int wb_sys(int rc, const char *what)
{
	if (rc == -1)
		wb_die(what, errno);
	return rc;
}

void *wb_alloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p)
		wb_die("calloc", ENOMEM);
	return p;
}
