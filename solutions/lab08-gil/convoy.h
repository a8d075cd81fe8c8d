/* convoy.h: the convoy effect: an I/O-bound thread that must take the GIL
 * back after each blocking call, alone and beside a CPU-bound thread. */
#ifndef CONVOY_H
#define CONVOY_H

#include <stdbool.h>

#include "bench.h"

/* The convoy: an I/O-bound thread makes n requests (a blocking call, then
 * a bytecode), alone or beside a CPU-bound thread. Fills ms[] with each
 * request's time and returns what the GIL counted. */
struct result convoy(int n, bool beside_cpu, long interval_us, double *ms);

/* Measures 30 requests alone and 30 beside a CPU-bound thread, and prints
 * each case's median and worst request and what the GIL did. */
void convoy_show(long interval_us);

#endif
