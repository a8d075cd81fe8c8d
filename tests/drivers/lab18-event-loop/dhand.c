/* dhand.c: the pool's hand-back alone (offload.c), with the driver as the
 * loop. 20 jobs on 3 workers: when they have all finished and the workers
 * sleep, waiting for more, the eventfd must be readable, offload_done must
 * give back all 20, each once with its result, and the eventfd must then
 * be unreadable (the count read back to 0, or epoll would wake the loop
 * for nothing, again and again). Then 5 jobs one at a time: each makes the
 * eventfd readable and comes back. */
#include <fcntl.h>

#include "drv.h"
#include "gate.h"

#define N 20

static int readable(int fd, int ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	return wb_sys(poll(&p, 1, ms), "poll") == 1 && (p.revents & POLLIN);
}

/* Whether thread tid sleeps (in a system call: a futex, here); sets
 * *switches to its context switches so far. */
static bool asleep(int tid, long *switches)
{
	char path[64], buf[2048];
	snprintf(path, sizeof path, "/proc/self/task/%d/status", tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		drv_fail("could not read %s", path);
	buf[n] = '\0';
	const char *st = strstr(buf, "\nState:\t"), *v, *nv;
	v = strstr(buf, "\nvoluntary_ctxt_switches:");
	nv = strstr(buf, "\nnonvoluntary_ctxt_switches:");
	if (!st || !v || !nv)
		drv_fail("%s lacks State or ctxt_switches", path);
	*switches = atol(strchr(v, ':') + 1) + atol(strchr(nv, ':') + 1);
	return st[8] == 'S';
}

/* Waits until every thread that ran a job sleeps: each is then back in the
 * worker's wait for more, its jobs handed back. Asleep twice in a row with
 * no switch between: all of them slept at once, for that whole time. */
static void wait_workers_asleep(void)
{
	long a[GATE_TIDS], b[GATE_TIDS];
	for (;; wb_sleep_ns(200000)) {
		bool all = true;
		for (int i = 0; all && i < GATE_TIDS && burners[i]; i++)
			all = asleep(burners[i], &a[i]);
		for (int i = 0; all && i < GATE_TIDS && burners[i]; i++)
			all = asleep(burners[i], &b[i]) && a[i] == b[i];
		if (all)
			return;
	}
}

/* Takes what offload_done gives; counts each job; frees them. */
static int take(struct offload *o, int *seen)
{
	int n = 0;
	for (struct job *j = offload_done(o), *next; j; j = next, n++) {
		next = j->next;
		if (j->fd < 0 || j->fd >= N + 5 || seen[j->fd]++)
			drv_fail("offload_done gave job %d twice (or a job "
				 "never "
				 "submitted)",
				 j->fd);
		if (j->result != load_expect(j->n))
			drv_fail("job %d came back with %llu, expected %llu",
				 j->fd, (unsigned long long)j->result,
				 (unsigned long long)load_expect(j->n));
		free(j);
	}
	return n;
}

int main(void)
{
	drv_name = "dhand";
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct offload o;
	int seen[N + 5] = {0}, got = 0;
	drv_deadline(3000, "a finished job never came back");
	offload_start(&o, 3);
	for (int i = 0; i < N + 5; i++) {
		struct job *j = wb_alloc(sizeof *j);
		*j = (struct job){.n = 1000 + (uint64_t)i, .fd = i, .gen = 1};
		if (i < N)
			offload_submit(&o, j);
		else
			free(j);
	}
	gate_wait_inside(3);
	atomic_store(&open_, true);
	while (atomic_load(&finished) < N)
		wb_sleep_ns(200000);
	wait_workers_asleep();
	if (!readable(o.efd, 0))
		drv_fail("%d jobs finished, the workers wait for more, and "
			 "the eventfd is not readable: a worker must write to "
			 "it after each job",
			 N);
	while (got < N) {
		if (!readable(o.efd, 0))
			drv_fail("%d of %d finished jobs came back, and the "
				 "eventfd "
				 "is not readable",
				 got, N);
		got += take(&o, seen);
	}
	if (readable(o.efd, 0))
		drv_fail("all jobs were taken and the eventfd is still "
			 "readable: "
			 "offload_done must read its count back to 0");
	for (int i = N; i < N + 5; i++) {
		struct job *j = wb_alloc(sizeof *j);
		*j = (struct job){.n = 1000 + (uint64_t)i, .fd = i, .gen = 1};
		offload_submit(&o, j);
		if (!readable(o.efd, 1000) || take(&o, seen) != 1)
			drv_fail("job %d did not come back by itself", i);
	}
	offload_stop(&o);
	printf("%d jobs came back through the eventfd, each once\n", N + 5);
	puts("dhand: ok");
	return 0;
}
