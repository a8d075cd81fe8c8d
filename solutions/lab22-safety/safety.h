/* safety.h: lab22's pieces. run_tool runs a tool on a name it was given
 * (runner.c); a frame is lab11's 4-byte length and that many bytes, and its
 * body here is a count and that many items (decode.c checks them, frame.c
 * builds them). */
#ifndef SAFETY_H
#define SAFETY_H

#include <stddef.h>
#include <stdint.h>

/* runner.c: runs `tool name` and waits for it. The name is untrusted: it
 * must reach the tool as one argument, whatever bytes it holds. Returns the
 * tool's exit status (0 to 255), or -1 if it could not run or was killed. */
int run_tool(const char *tool, const char *name);

/* A frame: length (4 bytes, big-endian), then a body of that many bytes.
 * The body: a count (4 bytes, big-endian, signed), then count items, each
 * a length (2 bytes, big-endian) and that many bytes. */
#define FRAME_HEAD 4
#define FRAME_MAX  4096 /* the longest body a reader accepts */
#define MSG_ITEMS  16   /* the most items in one message */
#define MSG_BYTES  512  /* the most item bytes in one message, all together */

struct msg {
	int count;                     /* items decoded */
	uint16_t len[MSG_ITEMS];       /* item i's length */
	uint16_t off[MSG_ITEMS];       /* ... and where it starts in data */
	unsigned char data[MSG_BYTES]; /* the items' bytes, one after another */
};

/* decode.c: decodes the frame at the start of in[0..n) into *m. Returns
 * the bytes the frame took (FRAME_HEAD + its length), or -1 with *why
 * saying what is wrong: nothing of in[] past n is read, nothing of *m past
 * its arrays is written. */
long frame_decode(const unsigned char *in, size_t n, struct msg *m,
		  const char **why);

/* frame.c: sets *why to reason and returns -1, so that each check in a
 * decoder is one line: `return frame_reject(why, "...");` */
long frame_reject(const char **why, const char *reason);
/* frame.c: writes a frame of count items into out (cap bytes); returns its
 * size, or 0 if it does not fit. */
size_t frame_encode(unsigned char *out, size_t cap, int count,
		    const char *const *items);

/* big-endian numbers, as they travel */
static inline uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}
static inline uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}
static inline void put32(unsigned char *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16 & 0xff;
	p[2] = v >> 8 & 0xff;
	p[3] = v & 0xff;
}
static inline void put16(unsigned char *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

#endif
