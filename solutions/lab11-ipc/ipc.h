/* ipc.h: lab11's pieces. A chan carries bytes from a parent to its child
 * over a pipe, a socketpair or a POSIX message queue (chan.c); read_full and
 * write_full move exactly n bytes over it (full.c); frames are a 4-byte
 * length and that many bytes (frame.c); transfer.c runs one transfer
 * between the two ends of ends.c, and report.c says how it went. */
#ifndef IPC_H
#define IPC_H

#include <mqueue.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum transport { PIPE, SOCKETPAIR, MQUEUE, TRANSPORTS };
extern const char *const transport_names[]; /* "pipe", ..., NULL */

struct chan {
	enum transport t;
	int rd, wr;        /* pipe, socketpair: the reading and writing ends */
	mqd_t mq;          /* mqueue: one descriptor, for both sides */
	size_t piece;      /* mqueue: the largest message (mq_msgsize) */
	char *msg;         /* mqueue reader: the message being read */
	size_t have, used; /* ... its length, and how much was handed out */
	long reads, short_reads; /* chan_read calls; those that gave less */
};

/* Makes both ends, before the fork. A message queue's name is unlinked
 * at once: the queue lives on while a descriptor is open. */
void chan_open(struct chan *c, enum transport t);
void chan_keep(struct chan *c, bool reader); /* after the fork: drop the
						other side's end */
/* Like read(2) and write(2): each may move fewer bytes than asked (a pipe
 * holds 64 KiB, a message holds c->piece bytes). chan_read returns 0 at the
 * end of the stream; both return -1 with errno set on an error. */
ssize_t chan_read(struct chan *c, void *buf, size_t n);
ssize_t chan_write(struct chan *c, const void *buf, size_t n);
extern atomic_long ipc_progress; /* chan_write calls, for the watchdog */
void chan_end(struct chan *c);   /* writer: end of stream */
void chan_close(struct chan *c); /* closes what is left */

/* full.c: exactly n bytes, or fewer only where the stream ends.
 * read_full returns how many it read (0 to n; less than n: the stream
 * ended), write_full returns n; both return -1 with errno on an error. */
ssize_t read_full(struct chan *c, void *buf, size_t n);
ssize_t write_full(struct chan *c, const void *buf, size_t n);

/* frame.c: a frame is its length (4 bytes, big-endian), then the bytes. */
#define FRAME_HEAD 4
enum frame_status {
	FRAME_OK = 1,  /* a whole frame: *len bytes in buf */
	FRAME_EOF = 0, /* the stream ended cleanly, between two frames */
	FRAME_IO = -1, /* a read failed (errno says why) */
	FRAME_TOO_BIG =
		-2,     /* the length is above cap: nothing was read into buf */
	FRAME_CUT = -3, /* the stream ended inside the frame */
};
/* Reads one frame into buf (cap bytes). *len: the frame's length (also
 * for FRAME_TOO_BIG), or how much of it came (FRAME_CUT). */
enum frame_status frame_read(struct chan *c, void *buf, size_t cap,
			     size_t *len);
/* Writes one frame, in write_full calls of at most chunk bytes (0: the
 * header, then the payload, each in one call). Returns 0, or -1. */
int frame_write(struct chan *c, const void *buf, uint32_t len, size_t chunk);
const char *frame_why(enum frame_status s);      /* in words */
void frame_head(unsigned char *h, uint32_t len); /* writes a header */

/* transfer.c: one transfer of count frames of size bytes, parent->child */
enum fault { NO_FAULT, FAULT_CUT, FAULT_LENGTH, FAULTS };
struct plan {
	enum transport t;
	size_t size, chunk;
	long count;
	enum fault fault; /* the writer spoils its last frame */
};
struct result {
	long frames, intact; /* frames decoded; those equal to what was sent */
	long reads, short_reads;
	long bad_frame; /* the first wrong frame, or -1 */
	size_t bad_len; /* ... its length */
	int status;     /* how the reader stopped: an enum frame_status */
	int err;        /* errno, for FRAME_IO */
	uint64_t ns;    /* from the first write to the child's report */
	size_t piece;   /* mqueue: the largest message */
};
void cleanup_on_signals(void); /* SIGINT/SIGTERM: kill and reap the child */
struct result transfer(const struct plan *p);

/* ends.c: the two ends of a transfer. fill writes frame i's bytes: a fixed
 * pattern with i in its first 8. The reader (the child) reads frames to the
 * end of the stream, checks each and writes a struct result to report; the
 * writer sends the frames, the last one spoilt as the plan says, and
 * returns early if the reader left (EPIPE). */
void fill(long i, unsigned char *p, size_t n);
void transfer_reader(const struct plan *p, struct chan *c, int report);
void transfer_writer(const struct plan *p, struct chan *c, unsigned char *buf);

/* report.c: ipc's output. report_prose prints a transfer in words;
 * report_check ends the run with status 1, saying why on stderr, where the
 * child's reader failed; report_csv runs a warm-up and reps timed
 * transfers (at most 100) and prints their CSV row. */
void report_prose(const struct plan *p, const struct result *r);
void report_check(const struct plan *p, const struct result *r);
void report_csv(const struct plan *p, long reps);

/* demos: pointer.c and records.c */
void demo_pointer(void);
void demo_records(long count);

#endif
