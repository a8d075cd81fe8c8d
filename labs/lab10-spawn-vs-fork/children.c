/* children.c: which processes are still children of a process, from /proc.
 * A child that has ended but was not waited for is a zombie (state Z): it
 * keeps its pid and exit status until its parent reaps it with waitpid. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "start.h"
#include "wb.h"

int children_of(pid_t parent, pid_t except, FILE *out)
{
	DIR *d = opendir("/proc");
	if (!d)
		wb_die("opendir /proc", errno);
	int count = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		char *end, path[64], buf[512], state;
		long pid = strtol(e->d_name, &end, 10), ppid;
		if (*end || pid <= 0 || pid == except)
			continue;
		snprintf(path, sizeof path, "/proc/%ld/stat", pid);
		FILE *f = fopen(path, "r");
		if (!f)
			continue; /* it ended while we looked */
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[n] = '\0';
		/* "pid (name) state ppid ...": the name may hold spaces and
		 * parentheses, so read on from the last ')'. */
		char *p = strrchr(buf, ')');
		if (!p || sscanf(p + 1, " %c %ld", &state, &ppid) != 2 ||
		    ppid != parent)
			continue;
		count++;
		if (out)
			fprintf(out, "  pid %ld is still a child of %ld%s\n",
				pid, (long)parent,
				state == 'Z' ? ": a zombie, never reaped" : "");
	}
	closedir(d);
	return count;
}
