/* porphan.c: lab09's test driver for the workers' parent-death signal
 * (pool_start, pool.c). A middle process starts a pool of 3 workers,
 * gives each a task of 10 s and is then killed with SIGKILL, which gives
 * it no chance to clean up. The driver is a subreaper, so the orphaned
 * workers become its children: each must be gone within 1 s, not carry on
 * with its task. Prints "porphan: ok" last. */
#include "drv.h"

#include <poll.h>
#include <sys/prctl.h>

#include "pool.h"
#include "procs.h"

static long work(const struct task *t)
{
	(void)t;
	sleep(10);
	return 0;
}

int main(void)
{
	drv_name = "porphan";
	drv_deadline(10000, "the test did not finish within 10 s");
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) == -1)
		drv_fail("prctl(PR_SET_CHILD_SUBREAPER): %s", strerror(errno));
	int info[2];
	if (pipe(info) == -1)
		drv_fail("pipe: %s", strerror(errno));
	pid_t mid = fork();
	if (mid == 0) {
		struct pool p;
		pool_start(&p, 3, work);
		pid_t pids[3];
		for (int i = 0; i < 3; i++) {
			struct task t = {i + 1, 0};
			pool_send(&p, i, &t);
			pids[i] = p.w[i].pid;
		}
		if (write(info[1], pids, sizeof pids) != sizeof pids)
			_exit(1);
		pause();
		_exit(0);
	}
	close(info[1]);
	pid_t pids[3];
	struct pollfd pf = {.fd = info[0], .events = POLLIN};
	if (poll(&pf, 1, 5000) != 1 ||
	    read(info[0], pids, sizeof pids) != sizeof pids)
		drv_fail("the pool did not start");
	usleep(20000); /* the workers are in their tasks */
	kill(mid, SIGKILL);
	waitpid(mid, NULL, 0);
	int left = 3, i;
	for (i = 0; i < 100 && left > 0; i++) {
		pid_t pid;
		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
			left--;
		if (left > 0)
			usleep(10000);
	}
	if (left > 0) {
		for (int k = 0; k < 3; k++)
			kill(pids[k], SIGKILL);
		drv_fail("%d of 3 workers outlived the process that started "
			 "them by 1 s: a worker should die with its parent "
			 "(PR_SET_PDEATHSIG)",
			 left);
	}
	printf("porphan: ok: the 3 workers died within %d ms of their "
	       "parent\n",
	       i * 10);
	return 0;
}
