/* badframes.c: frame_decode on a table of frames that lie (a length above
 * the limit or beyond what arrived, a negative or huge count, an item cut
 * short, more bytes than a message holds, bytes left over), each right
 * before a guard page: every one must be rejected with a reason, and no
 * byte past the input or the struct touched. Then valid frames, alone and
 * back to back, must decode exactly. Prints "badframes: ok" last. */
#include "drv22.h"

static unsigned char buf[2 * ZONE];
static size_t len;

/* Builders: start a frame, add 32- and 16-bit numbers and bytes. */
static void u32(uint32_t v)
{
	put32(buf + len, v);
	len += 4;
}
static void u16(uint16_t v)
{
	put16(buf + len, v);
	len += 2;
}
static void bytes(int n, int c)
{
	memset(buf + len, c, (size_t)n);
	len += (size_t)n;
}
/* An item of n bytes of c. */
static void item(int n, int c)
{
	u16((uint16_t)n);
	bytes(n, c);
}

/* Rejects: the frame in buf[0..len) must come back -1 with a reason. */
static void bad(const char *what)
{
	struct msg *m;
	const char *why;
	drv_case = what;
	long took = guarded_decode(buf, len, &m, &why);
	if (took >= 0)
		drv_fail("%s: accepted (returned %ld): it must be rejected",
			 what, took);
	if (!why || !*why)
		drv_fail("%s: rejected, but *why says nothing", what);
	printf("rejected: %s: %s\n", what, why);
	len = 0;
}

/* Decodes buf[0..len) and holds the result against ref_decode. */
static void good(const char *what)
{
	struct msg *m;
	const char *why;
	drv_case = what;
	long took = guarded_decode(buf, len, &m, &why);
	same_as_ref(buf, len, took, m, why);
	printf("decoded: %s: %d items\n", what, m->count);
	len = 0;
}

int main(void)
{
	drv_name = "badframes";
	guards_init();
	/* the header */
	bad("0 bytes");
	bytes(3, 0);
	bad("3 bytes: a header cut short");
	u32(FRAME_MAX + 1), u32(0), bytes(FRAME_MAX - 3, 0);
	bad("a length of FRAME_MAX + 1, all of it there");
	u32(UINT32_MAX), u32(1), item(2, 'x');
	bad("a length of 2^32 - 1, 8 bytes there");
	u32(36), u32(1), item(2, 'x');
	bad("a length of 36, 8 bytes there");
	u32(20), u32(2), item(3, 'x'), item(2, 'y');
	bad("a length of 20, 15 bytes there");
	u32(8), u32(1), item(2, 'x');
	len -= 2;
	bad("a length of 8, 6 bytes of body there");
	/* the count */
	u32(0);
	bad("a body of 0 bytes: no count");
	u32(3), bytes(3, 0);
	bad("a body of 3 bytes: a count cut short");
	u32(4), u32(UINT32_MAX);
	bad("a count of -1");
	u32(6), u32(0x80000000u), item(0, 0);
	bad("a count of -2^31");
	u32(4 + 2 * (MSG_ITEMS + 1)), u32(MSG_ITEMS + 1);
	for (int i = 0; i <= MSG_ITEMS; i++)
		item(0, 0);
	bad("a count of MSG_ITEMS + 1, every item there");
	u32(4 + 6), u32(1000000), item(4, 'x');
	bad("a count of 1000000, one item there");
	u32(4 + 5), u32(2), item(3, 'x');
	bad("a count of 2, one item there");
	/* the items */
	u32(4 + 1), u32(1), bytes(1, 0);
	bad("an item's length cut short");
	u32(4 + 2 + 2), u32(1), u16(30), bytes(2, 'x');
	bad("an item of 30 bytes, 2 in the frame");
	u32(4 + 2 + 2), u32(1), u16(UINT16_MAX), bytes(2, 'x');
	bad("an item of 65535 bytes, 2 in the frame");
	u32(4 + 3 * 202), u32(3);
	for (int i = 0; i < 3; i++)
		item(200, 'a' + i);
	bad("3 items of 200 bytes: above MSG_BYTES together");
	u32(4 + 2 + MSG_BYTES + 1), u32(1), item(MSG_BYTES + 1, 'z');
	bad("an item of MSG_BYTES + 1 bytes");
	u32(4 + 4 + 3), u32(1), item(2, 'x'), bytes(3, 'x');
	bad("3 bytes left over after the last item");
	u32(4 + 2), u32(0), bytes(2, 0);
	bad("a count of 0 and 2 bytes after it");

	/* valid frames, the last bytes of each right before the guard */
	u32(4), u32(0);
	good("no items");
	u32(4 + 7), u32(1), item(5, 'h');
	good("one item of 5 bytes");
	u32(4 + 2 * MSG_ITEMS), u32(MSG_ITEMS);
	for (int i = 0; i < MSG_ITEMS; i++)
		item(0, 0);
	good("MSG_ITEMS empty items");
	u32(4 + 2 * 2 + MSG_BYTES), u32(2), item(MSG_BYTES - 12, 'p'),
		item(12, 'q');
	good("2 items of MSG_BYTES bytes together");
	u32(4 + 6), u32(1), item(4, 0xff), u32(7), u32(1);
	good("one frame, then part of the next");
	/* three frames back to back: each decode takes exactly its own */
	u32(4 + 5), u32(1), item(3, 'a');
	u32(4 + 8), u32(2), item(1, 'b'), item(3, 'c');
	u32(4), u32(0);
	size_t all = len, at = 0;
	int frames = 0;
	while (at < all) {
		struct msg *m;
		const char *why;
		drv_case = "three frames back to back";
		long took = guarded_decode(buf + at, all - at, &m, &why);
		same_as_ref(buf + at, all - at, took, m, why);
		at += (size_t)took;
		frames++;
	}
	if (frames != 3)
		drv_fail("three frames back to back: decoded as %d", frames);
	puts("decoded: three frames back to back, each on its own");
	puts("badframes: ok");
	return 0;
}
