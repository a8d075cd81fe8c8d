/* shm.c: processes that share memory: lab03's race across processes, a
 * lock holder that dies, and copy-on-write after fork.
 * Run: make lab12 (unsafe counting: updates lost on every run), then
 * ARGS="--mode mutex" or "--mode atomic" (exact), "--demo owner-dies"
 * (the next taker repairs the count) and "--demo cow" (who copies what). */
#include <stdbool.h>
#include <stdio.h>

#include "shm.h"
#include "wb.h"

enum demo { COUNTER, OWNER_DIES, COW };
static const char *const demos[] = {"counter", "owner-dies", "cow", NULL};
static const char *const modes[] = {"unsafe", "mutex", "atomic", NULL};
/* Increments per process unless --iters says: a few hundred ms. unsafe
 * needs enough that the processes overlap even on a busy machine. */
static const long default_iters[] = {20000000, 1000000, 5000000};

static int counter(const struct count_job *job, bool csv)
{
	struct count_result r;
	count_run(job, &r);
	long expected = job->procs * job->iters, lost = expected - r.counted;
	if (csv) {
		printf("mode,procs,iters,expected,counted,ms\n%s,%ld,%ld,%ld,"
		       "%ld,%.1f\n",
		       modes[job->mode], job->procs, job->iters, expected,
		       r.counted, r.ms);
		return r.killed || r.failed;
	}
	printf("%ld process%s x %ld increments of one counter in shared "
	       "memory (mode %s)\n",
	       job->procs, job->procs == 1 ? "" : "es", job->iters,
	       modes[job->mode]);
	printf("expected %ld, counted %ld: ", expected, r.counted);
	if (lost == 0)
		printf("no update lost\n");
	else
		printf("%ld updates lost (%.1f%%)\n", lost,
		       100.0 * (double)lost / (double)expected);
	if (lost > 0 && job->mode == UNSAFE)
		printf("the processes load, add and store the same memory at "
		       "once: an increment that another overwrites is lost\n");
	else if (job->mode == UNSAFE && job->procs > 1)
		printf("the processes never ran at the same instant (a busy "
		       "machine, or too few --iters): run it again\n");
	printf("time: %.1f ms (%.1f ns per increment)\n", r.ms,
	       r.ms * 1e6 / (double)expected);
	if (r.left)
		printf("the segment's name was still in /dev/shm at the end: "
		       "a crash before now would have left it there "
		       "(TODO(lab12) in segment.c); removed it now\n");
	else
		printf("the segment was unlinked right after mmap: /dev/shm "
		       "holds nothing of this run\n");
	if (r.killed || r.failed)
		printf("%d processes were killed, %d failed\n", r.killed,
		       r.failed);
	return r.killed || r.failed;
}

static int owner_dies(const struct count_job *job)
{
	struct count_result r;
	printf("%ld processes x %ld increments under the lock that "
	       "shared_mutex_init made\nprocess 0 takes the lock at its "
	       "increment %ld, "
	       "adds 1 to the count and is killed (SIGKILL) before it adds 1 "
	       "to its tally\n",
	       job->procs, job->iters, job->victim_at);
	count_run(job, &r);
	if (r.recovered_by)
		printf("pid %ld found the holder dead (EOWNERDEAD): the count "
		       "was %ld, the tallies sum to %ld; it set the count back "
		       "and made the lock consistent\n",
		       (long)r.recovered_by, r.before, r.after);
	else
		printf("nobody found the holder dead\n");
	long expected = (job->procs - 1) * job->iters + job->victim_at;
	printf("expected %ld (%ld x %ld, and %ld by process 0 before it "
	       "died), counted %ld, tallies %ld: %s\n",
	       expected, job->procs - 1, job->iters, job->victim_at, r.counted,
	       r.tallied,
	       r.counted == expected && r.tallied == expected
		       ? "the invariant holds"
		       : "the count is wrong");
	/* Process 0 was meant to die; anything else is a failure. */
	return r.killed != 1 || r.failed;
}

int main(int argc, char **argv)
{
	long procs = 0, iters = 0, pages = 4096;
	int demo = COUNTER, mode = -1;
	bool csv = false;
	const struct wb_opt opts[] = {
		WB_CHOICE("demo", &demo, demos, "what to show"),
		WB_CHOICE(
			"mode", &mode, modes,
			"how the counter is shared (counter; default unsafe)"),
		WB_INT("procs", &procs, 1, MAX_PROCS,
		       "processes counting at once (default 4)"),
		WB_INT("iters", &iters, 1, 1000000000,
		       "increments per process (default: by mode)"),
		WB_FLAG("csv", &csv, "print one CSV row (counter)"),
		WB_OPT_END};
	wb_parse(argc, argv, "shm", "Processes that share memory.", opts);
	if (demo != COUNTER && mode != -1)
		wb_usage_error("--mode: only with --demo counter");
	if (demo != COUNTER && csv)
		wb_usage_error("--csv: only with --demo counter");
	if (demo == COW && (procs || iters))
		wb_usage_error("--%s: not with --demo cow",
			       procs ? "procs" : "iters");
	if (demo == OWNER_DIES && procs == 1)
		wb_usage_error("--procs: owner-dies needs 2 to %d processes",
			       MAX_PROCS);
	if (mode == -1)
		mode = demo == OWNER_DIES ? MUTEX : UNSAFE;

	struct count_job job = {.mode = mode,
				.procs = procs ? procs : 4,
				.victim_at = -1,
				.watchdog_ms = 1000};
	switch (demo) {
	case COUNTER:
		job.iters = iters ? iters : default_iters[mode];
		return counter(&job, csv);
	case OWNER_DIES:
		job.iters = iters ? iters : 200000;
		job.victim_at = job.iters / 2;
		return owner_dies(&job);
	default:
		cow_demo(pages);
		return 0;
	}
}
