/* pdead.c: lab09's test driver for the dead-worker check in pool_collect
 * (collect.c). In pools of 3 workers, one worker dies: by exit(7) in the
 * middle of a task, by SIGKILL in the middle of a task, or killed by the
 * driver while it is idle; the others are busy and silent. pool_collect
 * must return POOL_BROKEN, name that worker in p->dead, keep its task in
 * w[dead].task, and have reaped it (no zombie; its real wait status in
 * w[dead].status), leaving the others running. Prints "pdead: ok". */
#include "drv.h"

#include "pool.h"
#include "procs.h"

#define HOLD  (-1) /* waits for a byte on the go pipe (never sent) */
#define EXIT7 (-2) /* calls _exit(7) */
#define KILL  (-3) /* kills itself with SIGKILL */
static int go[2];

static long work(const struct task *t)
{
	char c;
	if (t->arg == HOLD && read(go[0], &c, 1) != 1)
		_exit(1);
	if (t->arg == EXIT7)
		_exit(7);
	if (t->arg == KILL)
		kill(getpid(), SIGKILL);
	return t->id;
}

/* args[i]: worker i's task, or 0 for none; the worker at `victim` dies,
 * the driver kills it if killed_by_us. */
static void one(const char *how, const long args[3], int victim,
		int killed_by_us, int want_status)
{
	struct pool p;
	pool_start(&p, 3, work);
	for (int i = 0; i < 3; i++) {
		struct task t = {10 + i, args[i]};
		if (args[i] && pool_send(&p, i, &t) == -1)
			drv_fail("worker %d died before its task", i);
	}
	pid_t pid = p.w[victim].pid;
	if (killed_by_us)
		kill(pid, SIGKILL);
	static char late[200];
	snprintf(late, sizeof late,
		 "worker %d %s, and pool_collect did not notice within 0.5 s: "
		 "end of file on its result pipe means it has died",
		 victim, how);
	drv_deadline(500, late);
	struct result r;
	int rc = pool_collect(&p, &r);
	drv_deadline(0, "");
	if (rc != POOL_BROKEN || p.dead != victim)
		drv_fail("worker %d %s: pool_collect returned %d with p->dead "
			 "%d; expected POOL_BROKEN (%d) and %d",
			 victim, how, rc, p.dead, POOL_BROKEN, victim);
	int want_task = args[victim] ? 10 + victim : -1;
	if (p.w[victim].task != want_task)
		drv_fail("worker %d %s running task %d, but w[%d].task says %d",
			 victim, how, want_task, victim, p.w[victim].task);
	if (p.w[victim].pid != 0 || state_of(pid))
		drv_fail("worker %d (pid %ld) %s: it was not reaped (state %c)",
			 victim, (long)pid, how,
			 state_of(pid) ? state_of(pid) : '-');
	if (p.w[victim].status != want_status)
		drv_fail("worker %d %s: w[%d].status is %#x, its wait status "
			 "was %#x",
			 victim, how, victim, p.w[victim].status, want_status);
	for (int i = 0; i < 3; i++) {
		char s = state_of(p.w[i].pid);
		if (i != victim && (!p.w[i].pid || !s || s == 'Z'))
			drv_fail("worker %d %s, but worker %d was stopped too",
				 victim, how, i);
	}
	pool_stop(&p, 1);
}

int main(void)
{
	drv_name = "pdead";
	if (pipe(go) == -1)
		drv_fail("pipe: %s", strerror(errno));
	one("called exit(7) in its task", (long[]){HOLD, EXIT7, HOLD}, 1, 0,
	    7 << 8);
	one("was killed by SIGKILL in its task", (long[]){HOLD, HOLD, KILL}, 2,
	    0, SIGKILL);
	one("was killed by SIGKILL while idle", (long[]){HOLD, 0, HOLD}, 1, 1,
	    SIGKILL);
	printf("pdead: ok: each dead worker was found, named and reaped\n");
	return 0;
}
