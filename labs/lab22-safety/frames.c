/* frames.c: a frame that lies about its lengths. A receive buffer is
 * reused: first alice's frame lands in it, then a short frame whose header
 * claims more than arrived. Run: ./frames (or ./frames --stdin < file: decode
 * one frame). Expect (starter): the decoder hands out alice's password;
 * (solution): the frame is rejected as cut short. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safety.h"
#include "wb.h"

/* Prints item i of m as a C string, bytes outside ASCII as \xNN. */
static void show(const struct msg *m, int i)
{
	printf("  item %d, %u bytes: \"", i, m->len[i]);
	for (int k = 0; k < m->len[i]; k++) {
		unsigned char c = m->data[m->off[i] + k];
		printf(c >= 32 && c < 127 && c != '"' && c != '\\' ? "%c"
								   : "\\x%02x",
		       c);
	}
	printf("\"\n");
}

static void demo(void)
{
	static unsigned char
		rx[FRAME_HEAD + FRAME_MAX]; /* the receive buffer */
	static struct msg m;
	const char *why = NULL;
	const char *alice[] = {"user=alice", "password=hunter2"};
	size_t n = frame_encode(rx, sizeof rx, 2, alice);
	long took = frame_decode(rx, n, &m, &why);
	printf("alice's frame, %zu bytes: %s\n", n,
	       took == (long)n ? "decoded" : why);
	/* The next frame lands on top: 12 bytes, one item "hi". Its header
	 * claims a body of 36 bytes and its item claims 30: it lies. */
	const char *hi[] = {"hi"};
	n = frame_encode(rx, sizeof rx, 1, hi);
	put32(rx, 36);
	put16(rx + FRAME_HEAD + 4, 30);
	printf("the next frame, %zu bytes: its header says the body is %u "
	       "bytes, its item %u\n",
	       n, get32(rx), get16(rx + FRAME_HEAD + 4));
	took = frame_decode(rx, n, &m, &why);
	if (took < 0) {
		printf("rejected: %s: no byte of the buffer beyond the %zu "
		       "that arrived was read\n",
		       why, n);
		return;
	}
	printf("decoded as %ld bytes, %d item(s):\n", took, m.count);
	for (int i = 0; i < m.count && i < MSG_ITEMS; i++)
		show(&m, i);
	if ((size_t)took > n)
		printf("%zu of those %ld bytes never arrived: they are what "
		       "the buffer held before, alice's frame (Heartbleed, "
		       "2014, was this bug)\n",
		       (size_t)took - n, took);
}

/* --stdin: decodes one frame from standard input; exit 2 if it is bad. */
static int from_stdin(void)
{
	size_t cap = 2 * (FRAME_HEAD + FRAME_MAX), n = 0;
	unsigned char *all = wb_alloc(cap);
	ssize_t r;
	while (n < cap && (r = read(0, all + n, cap - n)) != 0)
		n += (size_t)wb_sys((int)r, "read stdin");
	/* A copy of exactly n bytes: a read past it is caught by ASan. */
	unsigned char *in = wb_alloc(n ? n : 1);
	memcpy(in, all, n);
	free(all);
	static struct msg m;
	const char *why = NULL;
	long took = frame_decode(in, n, &m, &why);
	free(in);
	if (took < 0)
		wb_usage_error("frame rejected: %s", why);
	printf("a frame of %ld bytes, %d item(s), from %zu bytes of input\n",
	       took, m.count, n);
	for (int i = 0; i < m.count && i < MSG_ITEMS; i++)
		show(&m, i);
	return 0;
}

int main(int argc, char **argv)
{
	bool in = false;
	const struct wb_opt opts[] = {
		WB_FLAG("stdin", &in, "decode one frame from standard input"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "frames",
		 "a frame whose lengths lie, through the decoder", opts);
	if (in)
		return from_stdin();
	demo();
	return 0;
}
