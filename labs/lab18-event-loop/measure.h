/* measure.h: the runs evloop makes: the load against one model served on a
 * thread of this process, the load alone (--role client), or a server
 * alone (--role server). */
#ifndef MEASURE_H
#define MEASURE_H

#include <stdbool.h>

struct run { /* evloop's options */
	long conns, requests, workers, port, sum_n, seconds;
	bool csv;
};

extern const char *const model_names[]; /* "loop", "thread-per-conn" */

/* The load against model m (0: loop, 1: thread-per-conn); prints a CSV row
 * or what it saw in words. */
void measure(const struct run *r, int m);
/* The load against a server on 127.0.0.1:r->port; prints its line and
 * returns true when every reply came back right. */
bool measure_client(const struct run *r);
/* Serves model m (-1: the loop) until SIGTERM, SIGINT or r->seconds. */
void serve_alone(const struct run *r, int m);

#endif
