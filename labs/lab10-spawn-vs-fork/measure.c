/* measure.c: the timing of each start method at the parent's present size.
 * One sample is one child started and reaped, in microseconds. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "start.h"
#include "wb.h"

const char *const method_names[] = {"fork",       "fork-exec", "spawn",
				    "forkserver", "all",       NULL};
int (*const method_starts[])(const struct job *) = {
	start_fork, start_fork_exec, start_spawn, start_forkserver};

/* Starts and reaps one child by method m; false if m is not written yet. */
static bool start_once(int m)
{
	struct job j = {.fd = -1, .status = 0};
	int status = method_starts[m](&j), err = errno;
	stop_if_asked();
	if (status == -1 && err == ENOSYS)
		return false;
	if (status == -1)
		wb_die(method_names[m], err);
	if (status != 0) {
		fprintf(stderr, "%s: %s: the child ended with wait status %d\n",
			wb_prog, method_names[m], status);
		exit(1);
	}
	return true;
}

static double sample_us(void *arg)
{
	uint64_t t0 = wb_now_ns();
	start_once(*(int *)arg);
	return (double)(wb_now_ns() - t0) / 1e3;
}

bool measure(long mb, int chosen, long reps, bool csv)
{
	double median[METHODS] = {0};
	bool all_written = true;
	for (int m = 0; m < METHODS; m++) {
		if (chosen != ALL && chosen != m)
			continue;
		if (!start_once(m)) { /* the first start is one of 3 warm-ups */
			if (!csv)
				printf("  %-11s not implemented yet: see "
				       "TODO(lab10)\n",
				       method_names[m]);
			all_written = false;
			continue;
		}
		struct wb_stats s = wb_measure(sample_us, &m, 2, (int)reps);
		median[m] = s.median;
		if (csv)
			printf("%s,%ld,%.1f,%ld,%.1f,%.1f,%.1f\n",
			       method_names[m], mb, vmrss_mb(getpid()), reps,
			       s.median, s.min, s.max);
		else
			printf("  %-11s median %9.1f us  (min %9.1f, max "
			       "%9.1f)\n",
			       method_names[m], s.median, s.min, s.max);
	}
	if (!csv && median[FORK] > 0 && median[SPAWN] > 0)
		printf("  fork takes %.1fx as long as spawn\n",
		       median[FORK] / median[SPAWN]);
	return all_written;
}

void say_who(long reps)
{
	printf("parent: pid %ld", (long)getpid());
	if (fs_pid())
		printf("; fork server: pid %ld, forked at start (VmRSS %.1f "
		       "MiB)",
		       (long)fs_pid(), vmrss_mb(fs_pid()));
	printf("\n");
	if (reps)
		printf("each method: 3 warm-up starts, then %ld timed starts, "
		       "in microseconds\n",
		       reps);
}
