/* drv.h: what lab12's drivers share: a deadline for the whole driver,
 * shared memory of their own, and a child's verdict. */
#ifndef DRV_H
#define DRV_H

#define _GNU_SOURCE /* prctl, syscall (verdict.h) */
#include "verdict.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "shm.h"

static const char *drv_doing = "starting"; /* for the deadline's report */

static void drv_on_alarm(int sig)
{
	(void)sig;
	/* printf is not async-signal-safe, but the process ends here and
	 * its main thread is stuck: the verdict must come out. */
	drv_fail("no end after the deadline while %s (a deadlock?)", drv_doing);
}

/* Ends the driver with a FAIL after SECONDS, whatever it waits for. */
static inline void drv_deadline(unsigned seconds)
{
	signal(SIGALRM, drv_on_alarm);
	alarm(seconds);
}

/* Zeroed memory that this process and its children share. */
static inline void *drv_shared(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		drv_fail("mmap: %s", strerror(errno));
	return p;
}

/* Waits for pid; returns its wait status. */
static inline int drv_reap(pid_t pid)
{
	int st;
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			drv_fail("waitpid: %s", strerror(errno));
	return st;
}

/* Fails if /dev/shm holds anything, saying when: in the jail, it is ours alone. */
static inline void shm_is_empty(const char *when)
{
	DIR *d = opendir("/dev/shm");
	if (!d)
		drv_fail("opendir /dev/shm: %s", strerror(errno));
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			drv_fail("/dev/shm holds %s %s: unlink the name as "
				 "soon as the map exists",
				 e->d_name, when);
	closedir(d);
}

#endif
