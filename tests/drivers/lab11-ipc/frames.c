/* frames.c: lab11's test driver for frame_read (frame.c). It writes
 * frames, good and bad, into a pipe and reads them back with frame_read,
 * read moving one byte a call and failing with EINTR every third call
 * (drv.h). read_full is the driver's own here, so only frame_read is
 * graded. Good frames come whole; a length above the limit, or a stream
 * that ends inside a frame, is an error; nothing is written past the
 * buffer (a guard after it, and AddressSanitizer in SAN builds). */
#include "drv.h"

enum { CAP = 64, GUARD = 16 };

ssize_t __wrap_read_full(struct chan *c, void *buf, size_t n)
{
	size_t done = 0;
	while (done < n) {
		ssize_t r = chan_read(c, (char *)buf + done, n - done);
		if (r == 0)
			break;
		if (r < 0 && errno != EINTR)
			return -1;
		done += r > 0 ? (size_t)r : 0;
	}
	return (ssize_t)done;
}

static void put_frame(struct chan *c, uint32_t len, const void *p, size_t n)
{
	unsigned char h[FRAME_HEAD] = {len >> 24, len >> 16 & 0xff,
				       len >> 8 & 0xff, len & 0xff};
	put(c, h, sizeof h);
	if (n)
		put(c, p, n);
}

static const char *name(enum frame_status s)
{
	static char other[32];
	switch (s) {
	case FRAME_OK:
		return "FRAME_OK";
	case FRAME_EOF:
		return "FRAME_EOF";
	case FRAME_IO:
		return "FRAME_IO";
	case FRAME_TOO_BIG:
		return "FRAME_TOO_BIG";
	case FRAME_CUT:
		return "FRAME_CUT";
	}
	snprintf(other, sizeof other, "%d", (int)s);
	return other;
}

/* expect: the next frame_read on c gives want (and len, for FRAME_OK) */
static void expect(struct chan *c, unsigned char *buf, enum frame_status want,
		   const unsigned char *data, size_t n, const char *what)
{
	for (int i = 0; i < GUARD; i++)
		buf[CAP + i] = 0xa5;
	size_t len = 12345;
	wrap_read = SHORT;
	wrap_most = 1;
	enum frame_status s = frame_read(c, buf, CAP, &len);
	wrap_read = REAL;
	for (int i = 0; i < GUARD; i++)
		if (buf[CAP + i] != 0xa5)
			drv_fail("%s: frame_read wrote past its %d-byte buffer",
				 what, CAP);
	if (s != want)
		drv_fail("%s: frame_read returned %s, expected %s", what,
			 name(s), name(want));
	if (want == FRAME_OK && (len != n || memcmp(buf, data, n) != 0))
		drv_fail("%s: frame_read gave %zu bytes%s, expected %zu", what,
			 len, len == n ? " that differ" : "", n);
}

/* stream: a fresh pipe holding what fn puts in it, then its end */
static struct chan stream(void (*fn)(struct chan *c))
{
	struct chan c;
	chan_open(&c, PIPE);
	fn(&c);
	close(c.wr);
	c.wr = -1;
	return c;
}

static unsigned char *data;

static void good(struct chan *c)
{
	put_frame(c, 10, data, 10);
	put_frame(c, 0, NULL, 0);
	put_frame(c, CAP, data + 10, CAP);
}
static void too_big(struct chan *c)
{
	put_frame(c, CAP + 1, data, CAP + 1);
}
static void huge(struct chan *c)
{
	put_frame(c, 0xffffffffu, data, 100);
}
static void cut_head(struct chan *c)
{
	put(c, "\0\0", 2);
}
static void cut_body(struct chan *c)
{
	put_frame(c, 40, data, 25);
}
static void empty(struct chan *c)
{
	(void)c;
}

int main(void)
{
	drv_name = "frames";
	data = pattern(200, 5);
	unsigned char *buf = malloc(CAP + GUARD);
	struct chan c = stream(good);
	expect(&c, buf, FRAME_OK, data, 10, "a 10-byte frame");
	expect(&c, buf, FRAME_OK, data, 0, "an empty frame");
	expect(&c, buf, FRAME_OK, data + 10, CAP,
	       "a frame as big as the buffer");
	expect(&c, buf, FRAME_EOF, NULL, 0, "the end after three frames");
	chan_close(&c);
	c = stream(too_big);
	memset(buf, 0xee, CAP);
	expect(&c, buf, FRAME_TOO_BIG, NULL, 0, "a length 1 above the limit");
	for (int i = 0; i < CAP; i++)
		if (buf[i] != 0xee)
			drv_fail("a length above the limit: frame_read wrote "
				 "into the buffer all the same");
	chan_close(&c);
	c = stream(huge);
	expect(&c, buf, FRAME_TOO_BIG, NULL, 0, "a length of 4294967295");
	chan_close(&c);
	c = stream(cut_head);
	expect(&c, buf, FRAME_CUT, NULL, 0, "a stream that ends in a length");
	chan_close(&c);
	c = stream(cut_body);
	expect(&c, buf, FRAME_CUT, NULL, 0,
	       "a stream that ends 25 bytes into a 40-byte frame");
	chan_close(&c);
	c = stream(empty);
	expect(&c, buf, FRAME_EOF, NULL, 0, "an empty stream");
	chan_close(&c);
	free(data);
	free(buf);
	printf("frames: ok: whole frames came whole one byte a read; a length "
	       "above the limit and a stream cut short were errors\n");
	return 0;
}
