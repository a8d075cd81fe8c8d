/* checksegment.c: lab12's test driver for segment_create (segment.c): the
 * segment is zeros, shared with a forked child (it sees our write, we see
 * its), and its name is gone from /dev/shm (private to this run in the
 * jail) by the time segment_create returns. Prints "checksegment: ok". */
#include "drv.h"

#include <stdio.h>
#include <unistd.h>

int main(void)
{
	drv_name = "checksegment";
	drv_deadline(5);
	shm_is_empty("before the test (not empty: not a private /dev/shm?)");
	char name[64];
	snprintf(name, sizeof name, "/lab12-check-%ld", (long)getpid());
	size_t size = 3 * (size_t)sysconf(_SC_PAGESIZE);
	volatile unsigned char *p = segment_create(name, size);
	shm_is_empty("after segment_create returned");
	for (size_t i = 0; i < size; i += 512)
		if (p[i])
			drv_fail("byte %zu of a new segment is %d, not 0", i,
				 p[i]);
	p[size - 1] = 7;
	pid_t pid = fork();
	if (pid == -1)
		drv_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		int saw = p[size - 1];
		p[100] = 42;
		_exit(saw == 7 ? 0 : 1);
	}
	int st = drv_reap(pid);
	if (st != 0)
		drv_fail("the child did not see the parent's write: map the "
			 "segment MAP_SHARED");
	if (p[100] != 42)
		drv_fail("the parent did not see the child's write: map the "
			 "segment MAP_SHARED");
	if (segment_free(name, (void *)p, size))
		drv_fail("segment_free found the name still there");
	shm_is_empty("after segment_free");
	printf("checksegment: ok: zeros, shared across fork, and no name "
	       "left in /dev/shm\n");
	return 0;
}
