/* evloop.c: lab18, one thread serving many connections. Run: make lab18.
 * It serves 1000 connections at once on one epoll thread (sums go to a
 * pool), then the same load on a thread per connection, and prints the
 * throughput and latency of each. --role server serves until SIGTERM. */
#include <stdio.h>
#include <sys/resource.h>

#include "loop.h"
#include "measure.h"
#include "wb.h"

static const char *const roles[] = {"server", "client", "both", NULL};
static int role = 2, model = -1;
static struct run r = {.conns = 1000,
		       .requests = 10,
		       .workers = 2,
		       .sum_n = 200000,
		       .seconds = 600};

/* Each connection is a descriptor at each end: make room, or say why not. */
static void fit_descriptors(long need)
{
	struct rlimit rl;
	wb_sys(getrlimit(RLIMIT_NOFILE, &rl), "getrlimit");
	if (rl.rlim_cur >= (rlim_t)need)
		return;
	if (rl.rlim_max < (rlim_t)need)
		wb_usage_error("--connections: %ld connections need %ld file "
			       "descriptors, but RLIMIT_NOFILE's hard limit is "
			       "%llu (ulimit -Hn)",
			       r.conns, need, (unsigned long long)rl.rlim_max);
	if (!r.csv)
		printf("raised RLIMIT_NOFILE from %llu to %ld (the hard limit "
		       "is %llu): %ld connections need that many descriptors\n",
		       (unsigned long long)rl.rlim_cur, need,
		       (unsigned long long)rl.rlim_max, r.conns);
	rl.rlim_cur = (rlim_t)need;
	wb_sys(setrlimit(RLIMIT_NOFILE, &rl), "setrlimit RLIMIT_NOFILE");
}

int main(int argc, char **argv)
{
	struct wb_opt opts[] = {
		WB_CHOICE("role", &role, roles,
			  "server, client, or both (default: both)"),
		WB_INT("connections", &r.conns, 1, 10000,
		       "connections open at once (client)"),
		WB_INT("requests", &r.requests, 1, 1000,
		       "requests per connection (client)"),
		WB_INT("workers", &r.workers, 1, 64,
		       "pool threads for the sums (loop)"),
		WB_CHOICE("model", &model, model_names,
			  "the server's model (default: both, loop first)"),
		WB_INT("port", &r.port, 0, 65535,
		       "127.0.0.1 port; 0: the kernel picks (server)"),
		WB_INT("sum", &r.sum_n, 1, 100000000,
		       "N of the \"sum N\" requests (client)"),
		WB_INT("seconds", &r.seconds, 1, 86400,
		       "a lone server stops after this long (default 600)"),
		WB_FLAG("csv", &r.csv, "print CSV rows"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "evloop",
		 "one thread serving many connections (epoll), against a "
		 "thread per connection",
		 opts);
	if (role == 1 && r.port == 0)
		wb_usage_error("--port: the client needs the server's port (1 "
			       "to 65535)");
	if (role == 1 && model >= 0)
		wb_usage_error("--model: is the server's; the client does not "
			       "take it");
	fit_descriptors(r.conns * (role == 2 ? 2 : 1) + 64);
	server_block_signals(); /* before any thread starts */
	if (role == 0) {
		serve_alone(&r, model);
		return 0;
	}
	if (r.csv)
		printf("model,connections,requests,threads,replies,right,secs,"
		       "req_per_s,p50_ms,p99_ms,echo_p99_ms,sum_p99_ms\n");
	else
		printf("%ld connections at once, %ld requests each (every 5th "
		       "\"sum %ld\", the others \"echo\"), %d CPUs\n",
		       r.conns, r.requests, r.sum_n, wb_cpus());
	if (role == 1)
		return measure_client(&r) ? 0 : 1;
	for (int m = 0; m < 2; m++)
		if (model < 0 || model == m)
			measure(&r, m);
	return 0;
}
