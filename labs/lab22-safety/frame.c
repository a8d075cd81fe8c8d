/* frame.c: building a frame, the sender's side: the body is the count and
 * each item's length and bytes, and the header says how long the body is. */
#include <string.h>

#include "safety.h"

long frame_reject(const char **why, const char *reason)
{
	*why = reason;
	return -1;
}

size_t frame_encode(unsigned char *out, size_t cap, int count,
		    const char *const *items)
{
	size_t at = FRAME_HEAD + 4;
	if (cap < at)
		return 0;
	put32(out + FRAME_HEAD, (uint32_t)count);
	for (int i = 0; i < count; i++) {
		size_t k = strlen(items[i]);
		if (k > UINT16_MAX || cap - at < 2 + k)
			return 0;
		put16(out + at, (uint16_t)k);
		memcpy(out + at + 2, items[i], k);
		at += 2 + k;
	}
	put32(out, (uint32_t)(at - FRAME_HEAD));
	return at;
}
