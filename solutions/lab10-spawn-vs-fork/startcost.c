/* startcost.c: how long it takes to start a child process and reap it, by
 * fork, fork-exec, posix_spawn and a fork server, as the parent grows.
 * Run: make lab10 PROG=startcost (a 256 MiB parent; or ARGS="--rss-mb 0",
 * --verify, --sweep --csv).
 * Expect fork and fork-exec to slow down as the parent grows (its page
 * tables are copied), spawn and the fork server to stay flat. */
#include <errno.h>
#include <stdbool.h>
#include <unistd.h>

#include "start.h"
#include "wb.h"

int main(int argc, char **argv)
{
	long rss = -1, reps = 20, max_mb = -1;
	int chosen = ALL;
	bool sweep = false, csv = false, check = false;
	const struct wb_opt opts[] = {
		WB_CHOICE("method", &chosen, method_names,
			  "how to start the child"),
		WB_INT("rss-mb", &rss, 0, 1 << 20,
		       "parent size: MiB written after the fork server starts "
		       "(default 256)"),
		WB_INT("reps", &reps, 1, 1000000, "timed starts per method"),
		WB_FLAG("sweep", &sweep, "parent sizes from 0 to --max-mb"),
		WB_INT("max-mb", &max_mb, 8, 1 << 20,
		       "largest parent for --sweep (default 1024)"),
		WB_FLAG("verify", &check,
			"start one child per method and check that it ran"),
		WB_FLAG("csv", &csv, "print CSV rows instead of prose"),
		WB_OPT_END};
	wb_parse(argc, argv, "startcost",
		 "Start a child and reap it: fork, fork-exec, spawn, "
		 "forkserver.",
		 opts);
	if (sweep && (rss >= 0 || check))
		wb_usage_error(
			"--sweep: goes with neither --rss-mb nor --verify");
	if (max_mb >= 0 && !sweep)
		wb_usage_error("--max-mb: only goes with --sweep");
	if (check && csv)
		wb_usage_error("--csv: --verify prints prose only");
	/* Half of what is available leaves room for the children's page
	 * tables and for everybody else. */
	long avail = mem_available_mb(), top = sweep ? max_mb : rss;
	if (top < 0)
		top = sweep ? 1024 : 256;
	if (!sweep && top > avail / 2)
		wb_usage_error("--rss-mb: %ld MiB is more than half of the %ld "
			       "MiB of memory available",
			       top, avail);
	if (sweep && top > avail / 2) {
		top = avail / 2;
		fprintf(stderr,
			"%s: --sweep stops at %ld MiB, half of the %ld "
			"MiB of memory available\n",
			wb_prog, top, avail);
	}
	if (access(helper_path(), X_OK) == -1)
		wb_die(helper_path(), errno);

	setvbuf(stdout, NULL, _IOLBF, 0); /* whoever watches sees each row */
	if (chosen == FORKSERVER || chosen == ALL)
		fs_start(); /* now, while this process is small */
	stop_on_signals();
	if (csv)
		printf("method,rss_mb,vmrss_mb,reps,us_median,us_min,us_max\n");
	else
		say_who(check ? 0 : reps);

	bool ok = true;
	long grown = 0;
	for (int i = 0; i <= (sweep ? 8 : 0); i++) {
		long mb = sweep ? top * i / 8 : top;
		grow_mb(mb - grown);
		grown = mb;
		stop_if_asked();
		if (!csv)
			printf("parent at %ld MiB (VmRSS %.1f MiB):\n", mb,
			       vmrss_mb(getpid()));
		if (check) {
			for (int m = 0; m < METHODS; m++)
				if (chosen == ALL || chosen == m)
					ok &= verify(method_names[m],
						     method_starts[m]);
			ok &= left_behind() == 0;
		} else {
			/* all: an unwritten method is skipped, not an error */
			ok &= measure(mb, chosen, reps, csv) || chosen == ALL;
		}
	}
	fs_stop(0);
	return ok ? 0 : 1;
}
