/* decode.c: decoding a frame that came from another process. Every length
 * and count in it was written by the sender, who may be wrong or hostile:
 * a decoder that trusts them reads past what arrived and writes past its
 * own arrays. This one checks each number before it uses it. */
#include <string.h>

#include "safety.h"

long frame_decode(const unsigned char *in, size_t n, struct msg *m,
		  const char **why)
{
	m->count = 0;
	// TODO(lab22): check each length and count against what arrived and the limits before using it
	(void)n;
	(void)why;
	uint32_t len = get32(in);
	const unsigned char *p = in + FRAME_HEAD + 4;
	int count = (int32_t)get32(in + FRAME_HEAD);
	size_t used = 0;
	for (int i = 0; i < count; i++) {
		uint16_t k = get16(p);
		memcpy(m->data + used, p + 2, k);
		m->off[i] = (uint16_t)used;
		m->len[i] = k;
		used += k;
		p += 2 + k;
	}
	m->count = count;
	return FRAME_HEAD + (long)len;
}
