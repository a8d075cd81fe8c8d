/* procs.c: lab09, processes as Python's multiprocessing uses them: a
 * zombie shown and reaped, a crash contained in one child process, and a
 * pool of worker processes that reports a worker's death instead of
 * hanging. Run: make lab09 (all three), or ARGS="--demo pool
 * --crash-task 7": expect task 7's worker ended by SIGSEGV, exit status 4. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "pool.h"
#include "procs.h"
#include "wb.h"

#define BROKEN 4 /* exit status: a worker died, the pool is broken */

static const char *const demos[] = {"all", "zombie", "isolation", "pool", NULL};
static long crash_task; /* 0: no task crashes */
static atomic_long progress;

/* A task: the guide's compute(), a sum of squares; one crashes. */
static long compute(const struct task *t)
{
	if (t->id == crash_task)
		crash();
	return (long)wb_burn((uint64_t)t->arg);
}

static void stuck(FILE *out, void *arg)
{
	(void)arg;
	fprintf(out, "pool: waited for results that never came; the "
		     "children of this process:\n");
	list_children(out);
}

static int demo_pool(int workers, int tasks, bool csv)
{
	struct pool p;
	char how[64];
	int *got = wb_alloc((size_t)(tasks + 1) * sizeof *got);
	int next = 1, done = 0, wrong = 0, i;
	uint64_t t0 = wb_now_ns();
	pool_start(&p, workers, compute);
	wb_watchdog_start(2000, &progress, stuck, NULL);
	while (done < tasks && p.dead < 0) {
		for (i = 0; i < workers && next <= tasks && p.dead < 0; i++)
			if (p.w[i].pid && p.w[i].task < 0) {
				struct task t = {next, 100000 + 1000L * next};
				if (pool_send(&p, i, &t) == 0)
					next++;
			}
		struct result r;
		if (p.dead >= 0 || (i = pool_collect(&p, &r)) < 0)
			continue; /* broken (p.dead), or nothing running */
		/* Every task's result exactly once, and the right one. */
		if (r.id < 1 || r.id > tasks || got[r.id]++ ||
		    r.value != (long)wb_burn(100000 + 1000UL * (unsigned)r.id))
			wrong++;
		done++;
		atomic_fetch_add(&progress, 1);
	}
	wb_watchdog_stop();
	struct worker dead = p.dead >= 0 ? p.w[p.dead] : (struct worker){0};
	pool_stop(&p, p.dead >= 0); /* a broken pool: kill the others */
	double s = (double)(wb_now_ns() - t0) / 1e9;
	int left = list_children(NULL);
	if (csv) {
		printf("workers,tasks,crash_task,results,wrong,broken,seconds\n"
		       "%d,%d,%ld,%d,%d,%d,%.4f\n",
		       workers, tasks, crash_task, done, wrong, p.dead >= 0, s);
	} else {
		printf("pool: %d tasks on %d worker processes: %d results in "
		       "%.3f s, %d wrong or twice\n",
		       tasks, workers, done, s, wrong);
		if (p.dead >= 0)
			printf("pool: broken: worker %d died running task %d: "
			       "%s; %d results lost, the other workers "
			       "stopped\n",
			       p.dead, dead.task,
			       describe_status(dead.status, how, sizeof how),
			       tasks - done);
		printf("pool: %d children left (zombies included)\n", left);
	}
	free(got);
	return p.dead >= 0 ? BROKEN : wrong || left ? 1 : 0;
}

int main(int argc, char **argv)
{
	int demo = 0;
	long workers = 4, tasks = 20;
	bool csv = false;
	const struct wb_opt opts[] = {
		WB_CHOICE("demo", &demo, demos, "what to show (default all)"),
		WB_INT("workers", &workers, 1, POOL_MAX,
		       "worker processes of the pool"),
		WB_INT("tasks", &tasks, 1, 1000, "tasks for the pool"),
		WB_INT("crash-task", &crash_task, 0, 1000,
		       "that task dereferences NULL in its worker (0: none)"),
		WB_FLAG("csv", &csv, "one CSV row for the pool run"),
		WB_OPT_END};
	wb_parse(argc, argv, "procs",
		 "Zombies, crash isolation and a process pool. Exit status: 0 "
		 "done, 1 a call failed, 2 bad input, 3 watchdog, 4 the pool "
		 "broke (a worker died).",
		 opts);
	if (crash_task > tasks)
		wb_usage_error("--crash-task: %ld is not one of the %ld tasks",
			       crash_task, tasks);
	if (csv && demo != 0 && demo != 3)
		wb_usage_error("--csv: goes with --demo pool only");
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!csv && (demo == 0 || demo == 1))
		demo_zombie();
	if (!csv && (demo == 0 || demo == 2))
		demo_isolation(4);
	if (csv || demo == 0 || demo == 3)
		return demo_pool((int)workers, (int)tasks, csv);
	return 0;
}
