/* full.c: read and write may move fewer bytes than asked: a pipe returns
 * what it holds (at most 64 KiB), a message queue one message, and a
 * signal can cut a call short (EINTR, or a partial count). Code that
 * assumes one call moves everything works in tests and fails in
 * production. read_full and write_full keep calling until all is moved. */
#include <errno.h>

#include "ipc.h"

ssize_t read_full(struct chan *c, void *buf, size_t n)
{
	// TODO(lab11): loop until n bytes came or the stream ended (0); retry on EINTR
	return chan_read(c, buf, n);
}

ssize_t write_full(struct chan *c, const void *buf, size_t n)
{
	// TODO(lab11): loop until all n bytes are written; retry on EINTR
	return chan_write(c, buf, n);
}
