/* chan.c: three ways to carry bytes from a parent to its child. A pipe and
 * a socketpair are byte streams: the kernel keeps no message boundaries,
 * and one read returns what is there, up to what was asked. A POSIX
 * message queue carries messages of at most mq_msgsize bytes (8192 by
 * default, /proc/sys/fs/mqueue/msgsize_max), so a big frame goes as many
 * messages; chan_read hands out each message's bytes like a stream. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ipc.h"
#include "wb.h"

const char *const transport_names[] = {"pipe", "socketpair", "mqueue", NULL};

void chan_open(struct chan *c, enum transport t)
{
	*c = (struct chan){.t = t, .rd = -1, .wr = -1, .mq = (mqd_t)-1};
	int fd[2];
	if (t == PIPE) {
		wb_sys(pipe(fd), "pipe");
	} else if (t == SOCKETPAIR) {
		wb_sys(socketpair(AF_UNIX, SOCK_STREAM, 0, fd), "socketpair");
	} else {
		static int n;
		char name[64];
		snprintf(name, sizeof name, "/lab11-ipc-%ld-%d", (long)getpid(),
			 n++);
		/* Default sizes (NULL): the system's limits allow them. */
		c->mq = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, NULL);
		if (c->mq == (mqd_t)-1)
			wb_die("mq_open", errno);
		/* Unlinked now, nothing is left behind, however we end. */
		wb_sys(mq_unlink(name), "mq_unlink");
		struct mq_attr a;
		wb_sys(mq_getattr(c->mq, &a), "mq_getattr");
		c->piece = (size_t)a.mq_msgsize;
		return;
	}
	c->rd = fd[0];
	c->wr = fd[1];
}

void chan_keep(struct chan *c, bool reader)
{
	int *other = reader ? &c->wr : &c->rd;
	if (*other >= 0)
		close(*other);
	*other = -1;
	if (reader && c->t == MQUEUE)
		c->msg = wb_alloc(c->piece);
}

ssize_t chan_read(struct chan *c, void *buf, size_t n)
{
	ssize_t got;
	if (c->t != MQUEUE) {
		got = read(c->rd, buf, n);
	} else if (c->have == (size_t)-1) {
		got = 0; /* the end came already */
	} else {
		if (c->used == c->have && n > 0) {
			ssize_t m = mq_receive(c->mq, c->msg, c->piece, NULL);
			if (m < 0)
				return -1;
			c->have = m == 0 ? (size_t)-1 : (size_t)m;
			c->used = 0;
			if (m == 0)
				return 0; /* an empty message ends the stream */
		}
		got = (ssize_t)(c->have - c->used < n ? c->have - c->used : n);
		memcpy(buf, c->msg + c->used, (size_t)got);
		c->used += (size_t)got;
	}
	c->reads++;
	if (got > 0 && (size_t)got < n)
		c->short_reads++;
	return got;
}

atomic_long ipc_progress;

ssize_t chan_write(struct chan *c, const void *buf, size_t n)
{
	atomic_fetch_add(&ipc_progress, 1);
	if (c->t != MQUEUE)
		return write(c->wr, buf, n);
	size_t m = n < c->piece ? n : c->piece;
	if (m == 0)
		return 0; /* an empty message would mean the end */
	return mq_send(c->mq, buf, m, 0) == 0 ? (ssize_t)m : -1;
}

void chan_end(struct chan *c)
{
	if (c->t == MQUEUE) {
		while (mq_send(c->mq, "", 0, 0) == -1 && errno == EINTR)
			;
	} else if (c->wr >= 0) {
		close(c->wr);
		c->wr = -1;
	}
}

void chan_close(struct chan *c)
{
	if (c->rd >= 0)
		close(c->rd);
	if (c->wr >= 0)
		close(c->wr);
	if (c->mq != (mqd_t)-1)
		mq_close(c->mq);
	free(c->msg);
	*c = (struct chan){.rd = -1, .wr = -1, .mq = (mqd_t)-1};
}
