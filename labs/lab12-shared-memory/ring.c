/* ring.c: messages through a ring buffer in shared memory, from a parent
 * (the writer) to a forked child (the reader): a copy into the ring and one
 * out, like a pipe's, but no system call and no kernel buffer in between.
 * Run: ring --size 65536 --sync atomic (or lock); --csv gives lab11's
 * columns for the copy-vs-share figure. Expect MiB/s, median of --reps. */
#define _GNU_SOURCE /* prctl(PR_SET_PDEATHSIG) */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shm.h"
#include "wb.h"

static const char *const syncs[] = {"lock", "atomic", NULL};

/* One timed transfer: fork the reader, write, reap. Returns MiB/s. */
static double one_run(struct ring *r, unsigned char *buf, long size, long count)
{
	atomic_store(&r->head, 0);
	atomic_store(&r->tail, 0);
	atomic_store(&r->ready, 0);
	pid_t parent = getpid(), pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() != parent)
			_exit(1);
		atomic_store(&r->ready, 1);
		ring_move(r, false, buf, size, count);
		atomic_store(&r->end_ns, wb_now_ns());
		_exit(0);
	}
	wb_watchdog_start(2000, &r->progress, NULL, NULL);
	while (!atomic_load(&r->ready))
		sched_yield();
	uint64_t t0 = wb_now_ns();
	ring_move(r, true, buf, size, count);
	int st;
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			wb_die("waitpid", errno);
	wb_watchdog_stop();
	if (st != 0)
		wb_die("the reader failed", ECHILD);
	double s = (double)(atomic_load(&r->end_ns) - t0) / 1e9;
	return (double)size * (double)count / (1 << 20) / s;
}

int main(int argc, char **argv)
{
	long size = 65536, count = 0, reps = 5;
	int sync = 1;
	bool csv = false;
	const struct wb_opt opts[] = {
		WB_INT("size", &size, 8, 1 << 26, "bytes per message"),
		WB_INT("count", &count, 1, 100000000,
		       "messages per run (default: 256 MiB, at most 100000)"),
		WB_CHOICE("sync", &sync, syncs, "how the positions are shared"),
		WB_INT("reps", &reps, 1, 1000, "timed runs after one warm-up"),
		WB_FLAG("csv", &csv, "print lab11's CSV columns"),
		WB_OPT_END};
	wb_parse(argc, argv, "ring", "Messages through shared memory.", opts);
	if (count == 0) /* 256 MiB, or 100000 messages if that is less */
		count = (256L << 20) / size < 100000 ? (256L << 20) / size
						     : 100000;
	char name[64];
	snprintf(name, sizeof name, "/lab12-ring-%ld", (long)getpid());
	struct ring *r = segment_create(name, sizeof *r);
	shared_mutex_init(&r->lock);
	r->locked = sync == 0;
	unsigned char *buf = wb_alloc((size_t)size);
	double *v = wb_alloc((size_t)reps * sizeof *v);
	one_run(r, buf, size, count); /* warm-up */
	for (long i = 0; i < reps; i++)
		v[i] = one_run(r, buf, size, count);
	struct wb_stats s = wb_stats_of(v, (int)reps);
	if (csv)
		printf("transport,size,count,chunk,reps,median_mib_s,min_mib_s,"
		       "max_mib_s\nshm-%s,%ld,%ld,0,%ld,%.1f,%.1f,%.1f\n",
		       syncs[sync], size, count, reps, s.median, s.min, s.max);
	else
		printf("%ld messages of %ld bytes through a %d KiB ring in "
		       "shared memory (sync %s): %.1f MiB/s (median of %ld; "
		       "min %.1f, max %.1f)\n",
		       count, size, RING_CAP >> 10, syncs[sync], s.median, reps,
		       s.min, s.max);
	free(buf);
	free(v);
	segment_free(name, r, sizeof *r);
	return 0;
}
