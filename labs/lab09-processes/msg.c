/* msg.c: messages over a pipe. A pipe carries bytes, not messages: a read
 * may return part of a message, or the end of one and the start of the
 * next. So each message goes with its length in front, and the reader
 * reads exactly that many bytes, in as many reads as it takes. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "procs.h"

int send_msg(int fd, const void *buf, uint32_t len)
{
	char frame[sizeof len + MSG_MAX];
	if (len == 0 || len > MSG_MAX) {
		errno = EINVAL;
		return -1;
	}
	memcpy(frame, &len, sizeof len);
	memcpy(frame + sizeof len, buf, len);
	/* Up to PIPE_BUF (4096) bytes go in whole, in one write; a bigger
	 * frame may be cut, so write on until all of it is out. */
	size_t left = sizeof len + len;
	for (char *p = frame; left > 0;) {
		ssize_t k = write(fd, p, left);
		if (k == -1 && errno == EINTR)
			continue;
		if (k == -1)
			return -1;
		p += k;
		left -= (size_t)k;
	}
	return 0;
}

/* Reads exactly n bytes into buf: n, or fewer at end of file, or -1. */
static ssize_t read_full(int fd, void *buf, size_t n)
{
	// TODO(lab09): one read may bring fewer bytes: read on until n have come or end of file (0); again on EINTR
	return read(fd, buf, n);
}

ssize_t recv_msg(int fd, void *buf, size_t cap)
{
	uint32_t len;
	ssize_t k = read_full(fd, &len, sizeof len);
	if (k <= 0)
		return k; /* end of file between two messages, or an error */
	if ((size_t)k < sizeof len || len == 0 || len > MSG_MAX) {
		errno = EPROTO; /* cut short, or not a length at all */
		return -1;
	}
	if (len > cap) {
		errno = EMSGSIZE;
		return -1;
	}
	k = read_full(fd, buf, len);
	if (k == -1)
		return -1;
	if ((size_t)k < len) {
		errno = EPROTO; /* the writer died in the middle */
		return -1;
	}
	return (ssize_t)len;
}
