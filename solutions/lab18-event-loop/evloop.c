/* evloop.c: lab18, one thread serving many connections. Run: make lab18.
 * It serves 1000 connections at once on one epoll thread (sums go to a
 * pool), then the same load on a thread per connection, and prints the
 * throughput and latency of each. --role server serves until SIGTERM. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "client.h"
#include "loop.h"
#include "tpc.h"
#include "wb.h"

static const char *const roles[] = {"server", "client", "both", NULL};
static const char *const models[] = {"loop", "thread-per-conn", NULL};
static int role = 2, model = -1;
static long conns = 1000, requests = 10, workers = 2, port, sum_n = 200000;
static long seconds = 600;
static bool csv;

/* Each connection is a descriptor at each end: make room, or say why not. */
static void fit_descriptors(long need)
{
	struct rlimit r;
	wb_sys(getrlimit(RLIMIT_NOFILE, &r), "getrlimit");
	if (r.rlim_cur >= (rlim_t)need)
		return;
	if (r.rlim_max < (rlim_t)need)
		wb_usage_error("--connections: %ld connections need %ld file "
			       "descriptors, but RLIMIT_NOFILE's hard limit is "
			       "%llu (ulimit -Hn)",
			       conns, need, (unsigned long long)r.rlim_max);
	if (!csv)
		printf("raised RLIMIT_NOFILE from %llu to %ld (the hard limit "
		       "is %llu): %ld connections need that many descriptors\n",
		       (unsigned long long)r.rlim_cur, need,
		       (unsigned long long)r.rlim_max, conns);
	r.rlim_cur = (rlim_t)need;
	wb_sys(setrlimit(RLIMIT_NOFILE, &r), "setrlimit RLIMIT_NOFILE");
}

static void *loop_thread(void *arg)
{
	server_run(arg);
	return NULL;
}

/* One run of the load against model m; prints its line. */
static void measure(int m)
{
	struct server s = {.workers = (int)workers};
	struct tpc t = {0};
	pthread_t loop;
	struct load l = {.conns = (int)conns,
			 .requests = (int)requests,
			 .sum_n = (uint64_t)sum_n};
	if (m == 0) {
		server_open(&s);
		wb_check(pthread_create(&loop, NULL, loop_thread, &s),
			 "pthread_create");
		l.port = s.port;
	} else {
		tpc_open(&t);
		l.port = t.port;
	}
	load_run(&l);
	if (m == 0) {
		wb_check(pthread_kill(loop, SIGTERM),
			 "pthread_kill"); /* its signalfd */
		wb_check(pthread_join(loop, NULL), "pthread_join");
	} else {
		tpc_close(&t);
	}
	long threads = m == 0 ? 1 + workers : conns + 1;
	if (csv) {
		printf("%s,%ld,%ld,%ld,%ld,%ld,%.3f,%.0f,%.3f,%.3f,%.3f,%.3f\n",
		       models[m], conns, requests, threads, l.replies, l.right,
		       l.secs, (double)l.replies / l.secs, l.p50, l.p99,
		       l.echo99, l.sum99);
		return;
	}
	if (m == 0)
		printf("loop: 1 thread served %ld connections at once, %ld "
		       "workers in its pool for the sums\n",
		       s.open_max, workers);
	else
		printf("thread-per-conn: %ld threads served %ld connections, "
		       "each computing its own sums\n",
		       conns, conns);
	printf("  %ld replies, %ld right, in %.2f s: %.0f requests/s; latency "
	       "p50 %.2f ms, p99 %.2f ms (echo p99 %.2f ms, sum p99 %.2f ms)\n",
	       l.replies, l.right, l.secs, (double)l.replies / l.secs, l.p50,
	       l.p99, l.echo99, l.sum99);
	if (m == 0)
		printf("  sums computed in the pool: %ld; on the loop thread: "
		       "%ld%s\n",
		       s.sums_pool, s.sums_loop,
		       s.sums_loop ? " (every echo queued behind them waited)"
				   : " (the loop never waited for one)");
}

/* --role server: serves until SIGTERM, SIGINT or --seconds. */
static void serve_alone(void)
{
	struct server s = {.port = (int)port, .workers = (int)workers};
	struct tpc t = {.port = (int)port};
	if (model == 1)
		tpc_open(&t);
	else
		server_open(&s);
	printf("serving on 127.0.0.1 port %d (%s); stop it with SIGTERM or "
	       "Ctrl-C\n",
	       model == 1 ? t.port : s.port, models[model == 1]);
	fflush(stdout);
	alarm((unsigned)seconds);
	if (model == 1) {
		sigset_t set;
		int sig;
		sigemptyset(&set);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGALRM);
		wb_check(sigwait(&set, &sig), "sigwait");
		tpc_close(&t);
		printf("stopped by signal %d: every connection closed\n", sig);
		return;
	}
	server_run(&s);
	printf("stopped by signal %d after %ld connections and %ld replies; "
	       "every socket closed\n",
	       s.stop_signo, s.accepted, s.served);
}

int main(int argc, char **argv)
{
	struct wb_opt opts[] = {
		WB_CHOICE("role", &role, roles,
			  "server, client, or both (default: both)"),
		WB_INT("connections", &conns, 1, 10000,
		       "connections open at once (client)"),
		WB_INT("requests", &requests, 1, 1000,
		       "requests per connection (client)"),
		WB_INT("workers", &workers, 1, 64,
		       "pool threads for the sums (loop)"),
		WB_CHOICE("model", &model, models,
			  "the server's model (default: both, loop first)"),
		WB_INT("port", &port, 0, 65535,
		       "127.0.0.1 port; 0: the kernel picks (server)"),
		WB_INT("sum", &sum_n, 1, 100000000,
		       "N of the \"sum N\" requests (client)"),
		WB_INT("seconds", &seconds, 1, 86400,
		       "a lone server stops after this long (default 600)"),
		WB_FLAG("csv", &csv, "print CSV rows"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "evloop",
		 "one thread serving many connections (epoll), against a "
		 "thread per connection",
		 opts);
	if (role == 1 && port == 0)
		wb_usage_error("--port: the client needs the server's port (1 "
			       "to 65535)");
	if (role == 1 && model >= 0)
		wb_usage_error("--model: is the server's; the client does not "
			       "take it");
	fit_descriptors(conns * (role == 2 ? 2 : 1) + 64);
	server_block_signals(); /* before any thread starts */
	if (role == 0) {
		serve_alone();
		return 0;
	}
	if (csv)
		printf("model,connections,requests,threads,replies,right,secs,"
		       "req_per_s,p50_ms,p99_ms,echo_p99_ms,sum_p99_ms\n");
	else
		printf("%ld connections at once, %ld requests each (every 5th "
		       "\"sum %ld\", the others \"echo\"), %d CPUs\n",
		       conns, requests, sum_n, wb_cpus());
	if (role == 1) {
		struct load l = {.port = (int)port,
				 .conns = (int)conns,
				 .requests = (int)requests,
				 .sum_n = (uint64_t)sum_n};
		load_run(&l);
		printf(csv ? "client,%ld,%ld,1,%ld,%ld,%.3f,%.0f,%.3f,%.3f,%."
			     "3f,%.3f\n"
			   : "client: %ld connections x %ld requests: %ld "
			     "replies, %ld right, in %.2f s: %.0f requests/s; "
			     "latency p50 %.2f ms, p99 %.2f ms (echo p99 %.2f "
			     "ms, sum p99 %.2f ms)\n",
		       conns, requests, l.replies, l.right, l.secs,
		       (double)l.replies / l.secs, l.p50, l.p99, l.echo99,
		       l.sum99);
		return l.right == l.replies && l.replies == conns * requests
			       ? 0
			       : 1;
	}
	for (int m = 0; m < 2; m++)
		if (model < 0 || model == m)
			measure(m);
	return 0;
}
