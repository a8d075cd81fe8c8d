/* tally.h: the exactly-once check. Every consumed item is ticked off by its
 * producer and sequence number; at the end, an item never ticked was lost
 * and an item ticked twice was handed out twice. */
#ifndef TALLY_H
#define TALLY_H

#include <stdatomic.h>

#include "queue.h"

struct tally {
	long producers, items; /* producer p made items (p, 0..items-1) */
	atomic_int *seen;   /* seen[p * items + seq]: times it was consumed */
	atomic_long strays; /* consumed items that no producer made */
};

struct tally_sum {
	long consumed; /* every item a consumer got, strays included */
	long lost;     /* items never consumed */
	long twice;    /* items consumed more than once */
	long strays;
};

void tally_init(struct tally *t, long producers, long items);
void tally_mark(struct tally *t, struct item it); /* any thread, any time */
struct tally_sum tally_sum(struct tally *t);      /* once the marking is over */
void tally_free(struct tally *t);

#endif
