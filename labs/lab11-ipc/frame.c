/* frame.c: length-prefixed frames on a byte stream. A stream keeps no
 * boundaries, so each message goes as its length (4 bytes, big-endian)
 * and then its bytes; the reader reads the length, then exactly that many
 * bytes. The length comes from the other process: a reader that trusts it
 * writes past its buffer when it is wrong. */
#include "ipc.h"

static uint32_t get_len(const unsigned char *h)
{
	return (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 |
	       (uint32_t)h[2] << 8 | (uint32_t)h[3];
}

void frame_head(unsigned char *h, uint32_t len)
{
	h[0] = len >> 24;
	h[1] = len >> 16 & 0xff;
	h[2] = len >> 8 & 0xff;
	h[3] = len & 0xff;
}

enum frame_status frame_read(struct chan *c, void *buf, size_t cap, size_t *len)
{
	unsigned char head[FRAME_HEAD] = {0};
	// TODO(lab11): read_full the header; a part of one, then the end, is FRAME_CUT
	ssize_t n = chan_read(c, head, sizeof head);
	if (n <= 0)
		return n == 0 ? FRAME_EOF : FRAME_IO;
	*len = get_len(head);
	// TODO(lab11): a length above cap is FRAME_TOO_BIG; read_full the bytes; fewer is FRAME_CUT
	n = chan_read(c, buf, *len < cap ? *len : cap);
	if (n < 0)
		return FRAME_IO;
	*len = (size_t)n;
	return FRAME_OK;
}

/* send_pieces: n bytes in write_full calls of at most chunk bytes (0: one call) */
static int send_pieces(struct chan *c, const unsigned char *p, size_t n,
		       size_t chunk)
{
	size_t step = chunk ? chunk : n;
	for (size_t off = 0; off < n; off += step) {
		size_t m = n - off < step ? n - off : step;
		if (write_full(c, p + off, m) < 0)
			return -1;
	}
	return 0;
}

int frame_write(struct chan *c, const void *buf, uint32_t len, size_t chunk)
{
	unsigned char head[FRAME_HEAD];
	frame_head(head, len);
	if (send_pieces(c, head, sizeof head, chunk) < 0)
		return -1;
	return send_pieces(c, buf, len, chunk);
}

const char *frame_why(enum frame_status s)
{
	switch (s) {
	case FRAME_OK:
		return "a whole frame";
	case FRAME_EOF:
		return "the end of the stream";
	case FRAME_IO:
		return "a read failed";
	case FRAME_TOO_BIG:
		return "its length is above the limit";
	case FRAME_CUT:
		return "the stream ended inside it";
	}
	return "?";
}
