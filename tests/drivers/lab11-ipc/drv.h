/* drv.h: what lab11's test drivers share: read(2) and write(2) wrapped
 * (-Wl,--wrap, drivers.mk) to move few bytes a call and to fail with EINTR
 * now and then, as a busy machine and signals make them do. Each driver
 * includes this file once, first. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall (verdict.h), prctl, MAP_ANONYMOUS */

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ipc.h"
#include "verdict.h"

enum wrap_mode { REAL, SHORT, FAIL };
static enum wrap_mode wrap_read, wrap_write; /* what the wrappers do */
static size_t wrap_most = 3; /* SHORT: at most this many bytes a call */
static int wrap_errno = EIO; /* FAIL: the error after one EINTR */
static long reads, writes;   /* calls while wrapped */

ssize_t __real_read(int fd, void *buf, size_t n);
ssize_t __real_write(int fd, const void *buf, size_t n);

/* wrapped: every third call fails with EINTR, the others move at most
 * wrap_most bytes (SHORT) or fail with wrap_errno (FAIL). */
static ssize_t wrapped(enum wrap_mode m, long *calls, const char *what)
{
	if (++*calls > 1000000)
		drv_fail("%s was called a million times: a loop that never "
			 "ends (at the end of the stream, or on an error?)",
			 what);
	if (*calls % 3 == 1) {
		errno = EINTR;
		return -1;
	}
	if (m == FAIL) {
		errno = wrap_errno;
		return -1;
	}
	return 0;
}

ssize_t __wrap_read(int fd, void *buf, size_t n)
{
	if (wrap_read == REAL)
		return __real_read(fd, buf, n);
	if (wrapped(wrap_read, &reads, "read") < 0)
		return -1;
	return __real_read(fd, buf, n < wrap_most ? n : wrap_most);
}

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
	if (wrap_write == REAL)
		return __real_write(fd, buf, n);
	if (wrapped(wrap_write, &writes, "write") < 0)
		return -1;
	return __real_write(fd, buf, n < wrap_most ? n : wrap_most);
}

/* put: writes n bytes into c's pipe, unwrapped */
static inline void put(struct chan *c, const void *p, size_t n)
{
	if (__real_write(c->wr, p, n) != (ssize_t)n)
		drv_fail("the driver could not fill its pipe");
}

/* pattern: n bytes that differ from one offset to the next */
static inline unsigned char *pattern(size_t n, unsigned seed)
{
	unsigned char *p = malloc(n ? n : 1);
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 131 + seed * 7 + i / 256);
	return p;
}

#endif
