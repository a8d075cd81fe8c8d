/* count.c: N processes add 1 to one counter in shared memory, the way
 * lab03's threads did in one process: unsafe (load, add, store), under the
 * process-shared mutex, or with an atomic add. The segment is mapped before
 * fork, so every child shares it. */
#define _GNU_SOURCE /* prctl(PR_SET_PDEATHSIG) */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shm.h"
#include "wb.h"

#define BEAT 1023 /* bump progress every 1024 increments */

static void count(struct counter *c, const struct count_job *job, long me)
{
	for (long i = 0; i < job->iters; i++) {
		if (job->mode == UNSAFE) {
			c->value++;
		} else if (job->mode == ATOMIC) {
			atomic_fetch_add(&c->avalue, 1);
		} else {
			robust_take(c);
			c->value++;
			if (me == 0 && i == job->victim_at)
				raise(SIGKILL); /* dies half-way, lock held */
			c->tally[me]++;
			wb_check(pthread_mutex_unlock(&c->lock),
				 "pthread_mutex_unlock");
		}
		if ((i & BEAT) == 0)
			atomic_fetch_add_explicit(&c->progress, 1,
						  memory_order_relaxed);
	}
}

static void say_stuck(FILE *out, void *arg)
{
	const struct count_job *job = arg;
	fprintf(out,
		"%s: the counting processes wait for the lock, and "
		"nobody wakes them:\n",
		wb_prog);
	if (job->victim_at >= 0)
		fprintf(out, "  process 0 died holding it, and a lock that is "
			     "not robust stays taken for ever\n");
	fprintf(out, "  (and a lock that is not process-shared does not "
		     "work across processes at all)\n");
}

void count_run(const struct count_job *job, struct count_result *res)
{
	char name[64];
	snprintf(name, sizeof name, "/lab12-counter-%ld", (long)getpid());
	struct counter *c = segment_create(name, sizeof *c);
	counter_init(c, job->procs);
	pid_t pid[MAX_PROCS], parent = getpid();
	fflush(NULL); /* or each child would write our buffered lines again */
	uint64_t t0 = wb_now_ns();
	for (long i = 0; i < job->procs; i++) {
		pid[i] = wb_sys(fork(), "fork");
		if (pid[i] == 0) {
			/* Die with the parent, even by SIGKILL; if it died
			 * before prctl, our parent has changed already. */
			if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
			    getppid() != parent)
				_exit(1);
			count(c, job, i);
			_exit(0);
		}
	}
	/* After the forks: the children start with no thread but their own. */
	wb_watchdog_start(job->watchdog_ms, &c->progress, say_stuck,
			  (void *)job);
	*res = (struct count_result){0};
	for (long i = 0; i < job->procs; i++) {
		int st;
		while (waitpid(pid[i], &st, 0) == -1)
			if (errno != EINTR)
				wb_die("waitpid", errno);
		res->killed += WIFSIGNALED(st);
		res->failed += WIFEXITED(st) && WEXITSTATUS(st) != 0;
	}
	res->ms = (double)(wb_now_ns() - t0) / 1e6;
	if (job->mode == MUTEX) {
		/* Read the result under the lock: if the holder died after the
		 * others had finished, nobody has repaired the count yet. The
		 * watchdog still runs: a lock that is not robust never comes
		 * back, and we would wait for it for ever. */
		robust_take(c);
		wb_check(pthread_mutex_unlock(&c->lock),
			 "pthread_mutex_unlock");
	}
	wb_watchdog_stop();
	res->counted = job->mode == ATOMIC ? atomic_load(&c->avalue) : c->value;
	for (long i = 0; i < job->procs; i++)
		res->tallied += c->tally[i];
	res->recovered_by = c->recovered_by;
	res->before = c->before;
	res->after = c->after;
	res->left = segment_free(name, c, sizeof *c);
}
