/* client.h: the load: C connections opened at once, R requests on each,
 * one at a time; every reply checked, every latency kept. */
#ifndef CLIENT_H
#define CLIENT_H

#include <stdint.h>

struct load {
	int port, conns, requests;
	uint64_t sum_n; /* every 5th request is "sum N", N about sum_n */
	/* results */
	long replies, right;
	double secs;                    /* first connect to last reply */
	double p50, p99, echo99, sum99; /* latencies, ms */
};

void load_run(struct load *l);
/* The sum of i*i for i < n, as the server's uint64_t wraps it. */
uint64_t load_expect(uint64_t n);

#endif
