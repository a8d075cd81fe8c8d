/* inject.c: a name that runs a command. Runs `wc` on names a user might
 * type, in a private folder under /tmp, and looks for a file named PWNED
 * after each: one there means the name ran a command of its own. Run:
 * ./inject. Expect (starter): 3 of 4 names make PWNED; (solution): none. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safety.h"
#include "wb.h"

static char dir[] = "/tmp/lab22-XXXXXX";

/* Removes what this run made: the folder and all in it (files only). */
static void tidy(void)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)))
			if (e->d_name[0] != '.')
				unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	rmdir(dir);
}

/* SIGINT, SIGTERM, SIGHUP: what is left to remove is only PWNED and the
 * notes, so the handler needs no opendir (not async-signal-safe). */
static void on_signal(int sig)
{
	unlink("PWNED");
	unlink("notes.txt");
	rmdir(dir);
	_exit(128 + sig);
}

static const char *const names[] = {
	"notes.txt",               /* what the program expects */
	"notes.txt; touch PWNED",  /* ; ends one command, starts another */
	"$(touch PWNED)notes.txt", /* $( ) runs a command inside the name */
	"notes.txt > PWNED",       /* > sends wc's output into a new file */
};
#define NAMES (int)(sizeof names / sizeof names[0])

int main(int argc, char **argv)
{
	long only = 0;
	const struct wb_opt opts[] = {
		WB_INT("name", &only, 1, NAMES, "run only name N of the 4"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "inject",
		 "runs wc on 4 file names; a name that makes the file PWNED "
		 "ran a command of its own",
		 opts);
	if (!mkdtemp(dir))
		wb_die("mkdtemp", errno);
	wb_sys(chdir(dir), "chdir");
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	FILE *f = fopen("notes.txt", "w");
	if (!f || fputs("two words\n", f) < 0 || fclose(f) != 0)
		wb_die("notes.txt", errno);
	int from = only ? (int)only - 1 : 0, to = only ? (int)only : NAMES;
	printf("in %s: notes.txt, and the tool wc, run on %d name(s)\n", dir,
	       to - from);
	int ran = 0;
	for (int i = from; i < to; i++) {
		printf("name \"%s\":\n", names[i]);
		fflush(stdout); /* before wc writes to the same stdout */
		int rc = run_tool("wc", names[i]);
		bool pwned = access("PWNED", F_OK) == 0;
		printf("  wc exited %d; %s\n", rc,
		       pwned ? "PWNED exists: the name ran a command"
			     : "no PWNED");
		if (pwned) {
			ran++;
			unlink("PWNED");
		}
	}
	printf("%d of %d names ran a command of their own%s\n", ran, to - from,
	       ran ? ": the line went through /bin/sh, which read ; $( ) and "
		     "> in them as code"
		   : ": wc got each name as one argument, and no shell saw it");
	tidy();
	return 0;
}
