/* fuzz.c: a fuzz target for frame_decode. LLVMFuzzerTestOneInput decodes
 * one input and holds the result against ref_decode (drv22.h): a crash, a
 * sanitizer report or a disagreement is a finding. Built with
 * -DWB_LIBFUZZER and clang -fsanitize=fuzzer,address,undefined, libFuzzer
 * drives it (see the chapter); built as a test driver, main below replays
 * the seed frames and a fixed number of mutations of them, each right
 * before a guard page: `fuzz RUNS`. Prints "fuzz: ok: ..." last. */
#include "drv22.h" /* first: it defines _GNU_SOURCE */

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct msg one;
	struct msg *m = &one;
	const char *why = NULL;
	long took;
	drv_name = "fuzz";
	if (!zone_in)
		drv_case = "an input";
	if (zone_in && size <= ZONE)
		took = guarded_decode(data, size, &m, &why);
	else
		took = frame_decode(data, size, m, &why);
	same_as_ref(data, size, took, m, why);
	return 0;
}

#ifndef WB_LIBFUZZER
/* The seeds: valid frames, the same as the lab's corpus/ folder holds. */
static size_t seed(int i, unsigned char *p)
{
	static const char *const alice[] = {"user=alice", "password=hunter2"};
	static const char *const one[] = {"hello"};
	static const char *const empties[] = {"", "", ""};
	static const char *const many[] = {"a", "b", "c", "d", "e", "f",
					   "g", "h", "i", "j", "k", "l",
					   "m", "n", "o", "p"};
	switch (i) {
	case 0:
		return frame_encode(p, ZONE, 0, NULL);
	case 1:
		return frame_encode(p, ZONE, 1, one);
	case 2:
		return frame_encode(p, ZONE, 2, alice);
	case 3:
		return frame_encode(p, ZONE, 3, empties);
	default:
		return frame_encode(p, ZONE, MSG_ITEMS, many);
	}
}
#define SEEDS 5

static uint64_t rng = 0x9e3779b97f4a7c15u; /* fixed: the same runs each time */
static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

/* One to four changes of the kinds that break decoders. */
static size_t mutate(unsigned char *p, size_t n)
{
	static const uint32_t edge32[] = {0,
					  1,
					  2,
					  3,
					  4,
					  MSG_ITEMS,
					  MSG_ITEMS + 1,
					  FRAME_MAX,
					  FRAME_MAX + 1,
					  0x7fffffff,
					  0x80000000,
					  0xffffffff};
	static const uint16_t edge16[] = {
		0, 1, 2, 255, MSG_BYTES, MSG_BYTES + 1, 0x7fff, 0xffff};
	for (int k = 1 + (int)(next() % 4); k > 0; k--) {
		uint32_t at = n ? next() % (uint32_t)n : 0;
		switch (next() % 6) {
		case 0: /* flip a bit */
			if (n)
				p[at] ^= (unsigned char)(1u << next() % 8);
			break;
		case 1: /* a 32-bit number at the edge */
			if (n >= 4)
				put32(p + at % (n - 3),
				      edge32[next() % (sizeof edge32 / 4)]);
			break;
		case 2: /* a 16-bit number at the edge */
			if (n >= 2)
				put16(p + at % (n - 1),
				      edge16[next() % (sizeof edge16 / 2)]);
			break;
		case 3: /* cut it short */
			n = at;
			break;
		case 4: /* append bytes */
			for (int j = (int)(next() % 8); j > 0 && n < ZONE; j--)
				p[n++] = (unsigned char)next();
			break;
		default: /* the header says what the body really is */
			if (n >= 4)
				put32(p, (uint32_t)(n - 4));
			break;
		}
	}
	return n;
}

int main(int argc, char **argv)
{
	drv_name = "fuzz";
	long runs = argc > 1 ? atol(argv[1]) : 10000;
	guards_init();
	static unsigned char p[ZONE];
	long cut = 0;
	static char what[80];
	drv_case = what;
	for (int s = 0; s < SEEDS; s++) /* each seed, and every cut of it */
		for (size_t n = seed(s, p), k = 0; k <= n; k++, cut++) {
			snprintf(what, sizeof what, "seed %d cut to %zu bytes",
				 s, k);
			LLVMFuzzerTestOneInput(p, k);
		}
	for (long r = 0; r < runs; r++) {
		int s = (int)(next() % SEEDS);
		size_t n = mutate(p, seed(s, p));
		snprintf(what, sizeof what,
			 "mutation %ld (of seed %d, %zu bytes)", r, s, n);
		LLVMFuzzerTestOneInput(p, n);
	}
	printf("fuzz: ok: %d seeds, %ld cuts of them and %ld mutations, all "
	       "decoded as the format says\n",
	       SEEDS, cut, runs);
	return 0;
}
#endif
