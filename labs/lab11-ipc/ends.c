/* ends.c: the two ends of a transfer. The writer sends the plan's frames,
 * the last one spoilt if the plan says so; the reader checks every frame
 * against what was sent and writes a report of what came. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "ipc.h"
#include "wb.h"

void fill(long i, unsigned char *p, size_t n)
{
	for (size_t j = 0; j < n; j++)
		p[j] = j < 8 ? (unsigned char)((unsigned long)i >> (8 * j) ^
					       0x5a)
			     : (unsigned char)(j * 7 + j / 251);
}

void transfer_reader(const struct plan *p, struct chan *c, int report)
{
	struct result r = {.bad_frame = -1};
	unsigned char *buf = wb_alloc(p->size + 1), *want = wb_alloc(p->size);
	size_t len;
	fill(0, want, p->size);
	enum frame_status s;
	while ((s = frame_read(c, buf, p->size, &len)) == FRAME_OK) {
		fill(r.frames, want, p->size < 8 ? p->size : 8);
		if (len == p->size && memcmp(buf, want, len) == 0) {
			r.intact++;
		} else if (r.bad_frame < 0) {
			r.bad_frame = r.frames;
			r.bad_len = len;
		}
		r.frames++;
	}
	r.status = s;
	r.err = errno;
	if (s == FRAME_TOO_BIG || s == FRAME_CUT)
		r.bad_len = len;
	/* Read on to the end, so the writer is not left blocked. */
	while (s != FRAME_IO && chan_read(c, buf, p->size + 1) > 0)
		;
	r.reads = c->reads;
	r.short_reads = c->short_reads;
	if (write(report, &r, sizeof r) != sizeof r) /* < PIPE_BUF: whole */
		_exit(1);
}

void transfer_writer(const struct plan *p, struct chan *c, unsigned char *buf)
{
	for (long i = 0; i < p->count; i++) {
		fill(i, buf, p->size < 8 ? p->size : 8);
		unsigned char head[FRAME_HEAD];
		int rc;
		if (i < p->count - 1 || p->fault == NO_FAULT) {
			rc = frame_write(c, buf, (uint32_t)p->size, p->chunk);
		} else if (p->fault == FAULT_LENGTH) {
			frame_head(head, (uint32_t)p->size + 1); /* a lie */
			rc = (int)write_full(c, head, sizeof head);
		} else { /* cut: half the frame, then the end */
			frame_head(head, (uint32_t)p->size);
			rc = (int)write_full(c, head, p->size ? 4 : 2);
			if (rc >= 0)
				rc = (int)write_full(c, buf, p->size / 2);
		}
		if (rc < 0 && errno == EPIPE)
			return; /* the reader left: its report says why */
		if (rc < 0)
			wb_die("write", errno);
	}
}
