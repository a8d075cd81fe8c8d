/* fullio.c: lab11's test driver for read_full and write_full (full.c).
 * read and write are wrapped (drv.h) to move at most 3 or 5 bytes a call
 * and to fail with EINTR every third call; read_full and write_full must
 * move every byte anyway, stop at the end of the stream, pass on a real
 * error, and take no byte more than asked. Then the same over a message
 * queue, which moves at most one message a call. Run: fullio read|write. */
#include "drv.h"

static void check_read(void)
{
	struct chan c;
	chan_open(&c, PIPE);
	unsigned char *data = pattern(1000, 1), *buf = malloc(990);
	put(&c, data, 1000);
	wrap_read = SHORT;
	ssize_t got = read_full(&c, buf, 990);
	wrap_read = REAL;
	long first = reads;
	if (got != 990)
		drv_fail("read_full(990 bytes) returned %zd, with 1000 bytes "
			 "in the pipe and read moving at most 3 a call",
			 got);
	if (memcmp(buf, data, 990) != 0)
		drv_fail("read_full's 990 bytes differ from those written");
	unsigned char rest[16];
	if (__real_read(c.rd, rest, sizeof rest) != 10 ||
	    memcmp(rest, data + 990, 10) != 0)
		drv_fail("read_full took more than the 990 bytes asked");

	/* the end of the stream: 10 bytes, then the writer closes */
	put(&c, data, 10);
	close(c.wr);
	c.wr = -1;
	wrap_read = SHORT;
	got = read_full(&c, buf, 20);
	if (got != 10 || memcmp(buf, data, 10) != 0)
		drv_fail("read_full(20 bytes) returned %zd where the stream "
			 "held 10 and then ended (expected 10)",
			 got);
	got = read_full(&c, buf, 20);
	if (got != 0)
		drv_fail("read_full at the end of the stream returned %zd, "
			 "not 0",
			 got);
	wrap_read = REAL;
	chan_close(&c);

	/* an error that is not EINTR is passed on */
	chan_open(&c, PIPE);
	put(&c, data, 10);
	wrap_read = FAIL;
	reads = 0;
	got = read_full(&c, buf, 5);
	int err = errno;
	wrap_read = REAL;
	if (got != -1 || err != EIO)
		drv_fail("read_full returned %zd (errno %d) when read failed "
			 "with EIO after an EINTR (expected -1 and EIO)",
			 got, err);
	chan_close(&c);

	/* a message queue: 20000 bytes go as 3 messages of at most 8192 */
	chan_open(&c, MQUEUE);
	chan_keep(&c, true);
	unsigned char *big = pattern(20000, 2), *back = malloc(20000);
	for (size_t off = 0; off < 20000; off += c.piece) {
		size_t m = 20000 - off < c.piece ? 20000 - off : c.piece;
		if (mq_send(c.mq, (char *)big + off, m, 0) == -1)
			drv_fail("the driver could not fill its queue");
	}
	got = read_full(&c, back, 20000);
	if (got != 20000 || memcmp(back, big, 20000) != 0)
		drv_fail("read_full(20000 bytes) over a message queue "
			 "returned %zd (a message holds %zu bytes)",
			 got, c.piece);
	chan_close(&c);
	free(data);
	free(buf);
	free(big);
	free(back);
	printf("fullio: ok: read_full read on through %ld short or "
	       "interrupted reads, stopped at the end, passed EIO on, and "
	       "read a message queue whole\n",
	       first);
}

static void check_write(void)
{
	struct chan c;
	chan_open(&c, PIPE);
	unsigned char *data = pattern(3000, 3), *buf = malloc(4000);
	wrap_write = SHORT;
	wrap_most = 5;
	ssize_t wrote = write_full(&c, data, 3000);
	wrap_write = REAL;
	if (wrote != 3000)
		drv_fail("write_full(3000 bytes) returned %zd, with write "
			 "moving at most 5 bytes a call",
			 wrote);
	fcntl(c.rd, F_SETFL, O_NONBLOCK);
	ssize_t got = 0, r;
	while ((r = __real_read(c.rd, buf + got, 4000 - got)) > 0)
		got += r;
	if (got != 3000 || memcmp(buf, data, 3000) != 0)
		drv_fail("the pipe holds %zd bytes after write_full(3000 "
			 "bytes)%s",
			 got, got == 3000 ? ", not the ones given" : "");

	wrap_write = FAIL;
	wrap_errno = EPIPE;
	long before = writes;
	wrote = write_full(&c, data, 10);
	int err = errno;
	wrap_write = REAL;
	if (wrote != -1 || err != EPIPE)
		drv_fail("write_full returned %zd (errno %d) when write "
			 "failed with EPIPE after an EINTR (expected -1 and "
			 "EPIPE)",
			 wrote, err);
	chan_close(&c);

	/* a message queue: a message holds c.piece bytes at most */
	chan_open(&c, MQUEUE);
	unsigned char *big = pattern(20000, 4), *back = malloc(20000);
	wrote = write_full(&c, big, 20000);
	if (wrote != 20000)
		drv_fail("write_full(20000 bytes) over a message queue "
			 "returned %zd (a message holds %zu bytes)",
			 wrote, c.piece);
	chan_keep(&c, true);
	got = 0;
	while (got < 20000 &&
	       (r = mq_receive(c.mq, (char *)back + got, c.piece, NULL)) > 0)
		got += r;
	if (got != 20000 || memcmp(back, big, 20000) != 0)
		drv_fail("the queue did not hold the 20000 bytes written");
	chan_close(&c);
	free(data);
	free(buf);
	free(big);
	free(back);
	printf("fullio: ok: write_full wrote on through %ld short or "
	       "interrupted writes, passed EPIPE on, and filled a message "
	       "queue\n",
	       before);
}

int main(int argc, char **argv)
{
	drv_name = "fullio";
	if (argc == 2 && strcmp(argv[1], "read") == 0)
		check_read();
	else if (argc == 2 && strcmp(argv[1], "write") == 0)
		check_write();
	else
		drv_fail("usage: fullio read|write");
	return 0;
}
