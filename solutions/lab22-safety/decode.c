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
	/* STARTER BEGIN
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
	STARTER END */
	if (n < FRAME_HEAD)
		return frame_reject(why, "the header is cut short");
	uint32_t len = get32(in);
	if (len > FRAME_MAX)
		return frame_reject(why, "its length is above the limit");
	if (len > n - FRAME_HEAD)
		return frame_reject(why, "the frame is cut short");
	/* From here on, read only between p and end: the body that arrived. */
	const unsigned char *p = in + FRAME_HEAD, *end = p + len;
	if (end - p < 4)
		return frame_reject(why, "the body has no count");
	int32_t count = (int32_t)get32(p);
	p += 4;
	if (count < 0)
		return frame_reject(why, "the count is negative");
	if (count > MSG_ITEMS)
		return frame_reject(why, "the count is above the limit");
	size_t used = 0;
	for (int i = 0; i < count; i++) {
		if (end - p < 2)
			return frame_reject(why, "an item length is cut short");
		uint16_t k = get16(p);
		p += 2;
		if (k > end - p)
			return frame_reject(why, "an item runs past the frame");
		if (k > MSG_BYTES - used)
			return frame_reject(why, "the items exceed MSG_BYTES");
		memcpy(m->data + used, p, k);
		m->off[i] = (uint16_t)used;
		m->len[i] = k;
		used += k;
		p += k;
	}
	if (p != end)
		return frame_reject(why, "bytes left over after the items");
	m->count = count;
	return FRAME_HEAD + (long)len;
	/* SOLUTION END */
}
