/* drv22.h: what the frame drivers share. Each input goes into memory that
 * ends at a page the process may not touch, and so does the struct msg the
 * decoder fills: a read past what arrived, or a write past the struct, is
 * a SIGSEGV at once, which the drivers report as a failure (with or
 * without AddressSanitizer). ref_decode is the drivers' own reading of the
 * frame format, to hold the lab's decoder against. */
#ifndef DRV22_H
#define DRV22_H

#define _GNU_SOURCE /* MAP_ANONYMOUS */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "safety.h"
#include "verdict.h"

#define ZONE (2 * (FRAME_HEAD + FRAME_MAX) + 4096) /* room before a guard */

static unsigned char *zone_in, *zone_out; /* each ends at a guard page */
static const char *drv_case = "?";        /* what is being decoded now */

static inline void on_segv(int sig)
{
	static const char a[] = ": FAIL: ",
			  b[] = ": the decoder read past the bytes that "
				"arrived, or wrote past "
				"its struct msg (SIGSEGV at a guard page)\n";
	(void)sig;
	fflush(stdout);
	write(1, drv_name, strlen(drv_name));
	write(1, a, sizeof a - 1);
	write(1, drv_case, strlen(drv_case));
	write(1, b, sizeof b - 1);
	_exit(1);
}

/* A region of size bytes with a PROT_NONE page right after it. */
static inline unsigned char *guarded(size_t size)
{
	long pg = sysconf(_SC_PAGESIZE);
	size_t span = (size + (size_t)pg - 1) / (size_t)pg * (size_t)pg;
	unsigned char *p = mmap(NULL, span + (size_t)pg, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED || mprotect(p + span, (size_t)pg, PROT_NONE) != 0)
		drv_fail("mmap: %s", strerror(errno));
	return p + span; /* the guard's first byte */
}

static inline void guards_init(void)
{
	zone_in = guarded(ZONE);
	zone_out = guarded(sizeof(struct msg));
	struct sigaction sa = {.sa_handler = on_segv};
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

/* Decodes in[0..n) from right before a guard page, into a struct msg right
 * before another. */
static inline long guarded_decode(const unsigned char *in, size_t n,
				  struct msg **m, const char **why)
{
	unsigned char *at = zone_in - n;
	memmove(at, in, n);
	*m = (struct msg *)(zone_out - sizeof(struct msg));
	memset(*m, 0xa5, sizeof **m);
	*why = NULL;
	return frame_decode(at, n, *m, why);
}

/* The format, read by the drivers: the frame's size if in[0..n) starts
 * with a valid frame (its items into out and lens), else -1. */
static inline long ref_decode(const unsigned char *in, size_t n, int *count,
			      uint16_t *lens, const unsigned char **items)
{
	if (n < FRAME_HEAD)
		return -1;
	uint32_t len = get32(in);
	if (len > FRAME_MAX || len > n - FRAME_HEAD || len < 4)
		return -1;
	int32_t c = (int32_t)get32(in + FRAME_HEAD);
	if (c < 0 || c > MSG_ITEMS)
		return -1;
	size_t at = FRAME_HEAD + 4, end = FRAME_HEAD + len, total = 0;
	for (int i = 0; i < c; i++) {
		if (end - at < 2)
			return -1;
		lens[i] = get16(in + at);
		items[i] = in + at + 2;
		at += 2;
		if (lens[i] > end - at || (total += lens[i]) > MSG_BYTES)
			return -1;
		at += lens[i];
	}
	*count = c;
	return at == end ? (long)end : -1;
}

/* Checks what the decoder made of in[0..n) against ref_decode. */
static inline void same_as_ref(const unsigned char *in, size_t n, long took,
			       const struct msg *m, const char *why)
{
	int count = 0;
	uint16_t lens[MSG_ITEMS];
	const unsigned char *items[MSG_ITEMS];
	long want = ref_decode(in, n, &count, lens, items);
	if (want < 0 && took >= 0)
		drv_fail("%s: accepted (returned %ld): it is not a valid frame",
			 drv_case, took);
	if (want < 0 && (!why || !*why))
		drv_fail("%s: rejected, but *why says nothing", drv_case);
	if (want < 0)
		return;
	if (took != want)
		drv_fail("%s: a valid frame of %ld bytes: returned %ld%s%s",
			 drv_case, want, took, took < 0 ? ": " : "",
			 took < 0 && why ? why : "");
	if (m->count != count)
		drv_fail("%s: %d items decoded, the frame holds %d", drv_case,
			 m->count, count);
	for (int i = 0; i < count; i++)
		if (m->len[i] != lens[i] || m->off[i] > MSG_BYTES - lens[i] ||
		    memcmp(m->data + m->off[i], items[i], lens[i]) != 0)
			drv_fail("%s: item %d is not the frame's item %d, byte "
				 "for byte",
				 drv_case, i, i);
}

#endif
