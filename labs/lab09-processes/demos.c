/* demos.c: a zombie, shown and then reaped; and crash isolation: a NULL
 * dereference in one thread ends the whole process, in one child process
 * it ends that child only. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "procs.h"
#include "wb.h"

#define PART 3000000 /* wb_burn's n for one thread's or child's share */

static pid_t start(void)
{
	fflush(NULL); /* or buffered output would be written twice */
	return wb_sys(fork(), "fork");
}

static int reaped(pid_t pid)
{
	int status = reap(pid);
	if (status == -1)
		wb_die("waitpid", errno);
	return status;
}

int demo_zombie(void)
{
	char how[64];
	pid_t pid = start();
	if (pid == 0)
		_exit(7);
	/* It ends at once; until we wait for it, it stays a zombie. */
	for (int i = 0; i < 2000 && proc_state(pid) != 'Z'; i++)
		wb_sleep_ns(1000000);
	printf("zombie: child %ld called exit(7); not reaped yet, "
	       "/proc/%ld/stat says state %c (Z: a zombie)\n",
	       (long)pid, (long)pid, proc_state(pid));
	int status = reaped(pid);
	char after = proc_state(pid);
	printf("zombie: reaped with waitpid: %s; /proc/%ld %s\n",
	       describe_status(status, how, sizeof how), (long)pid,
	       after ? "is still there" : "is gone");
	return 0;
}

static int victim; /* the thread or child that dereferences NULL */

static void *part(void *arg)
{
	if ((long)arg == victim) {
		wb_sleep_ns(20000000); /* the others are under way */
		crash();
	}
	return (void *)(uintptr_t)wb_burn(PART);
}

int demo_isolation(int n)
{
	char how[64];
	victim = n / 2;
	printf("isolation: %d threads in one child process; thread %d "
	       "dereferences NULL\n",
	       n, victim);
	pid_t pid = start();
	if (pid == 0) {
		pthread_t t[16];
		for (long i = 0; i < n; i++)
			wb_check(pthread_create(&t[i], NULL, part, (void *)i),
				 "pthread_create");
		for (int i = 0; i < n; i++)
			wb_check(pthread_join(t[i], NULL), "pthread_join");
		_exit(0); /* not reached: the crash ends every thread */
	}
	printf("isolation: that process ended by %s: the work of all %d "
	       "threads is lost\n",
	       describe_status(reaped(pid), how, sizeof how), n);

	printf("isolation: %d child processes; child %d dereferences NULL\n", n,
	       victim);
	pid_t kids[16];
	for (long i = 0; i < n; i++)
		if ((kids[i] = start()) == 0) {
			part((void *)i);
			_exit(0);
		}
	int done = 0;
	for (int i = 0; i < n; i++) {
		int status = reaped(kids[i]);
		done += status == 0;
		printf("  child %d (pid %ld): %s\n", i, (long)kids[i],
		       describe_status(status, how, sizeof how));
	}
	printf("isolation: %d of %d children finished their work; the crash "
	       "cost one child, and this process goes on\n",
	       done, n);
	return 0;
}
