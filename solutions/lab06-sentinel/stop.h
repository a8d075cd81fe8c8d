/* stop.h: the two ways main tells the consumers that the work is over, once
 * every producer has been joined. */
#ifndef STOP_H
#define STOP_H

#include "workers.h"

/* Puts r->sentinels sentinels: each consumer that gets one stops. */
void stop_by_sentinels(struct run *r);

/* Closes the queue: each consumer stops once get says closed and empty.
 * Then tries one more put, which must be refused (r->late_refused). */
void stop_by_closing(struct run *r);

#endif
