/* measure.c: evloop's runs. The load is client.c's: one thread, one epoll
 * set, all the connections. The server under it runs on a thread of this
 * process (the loop) or is its own set of threads (thread-per-conn). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "client.h"
#include "loop.h"
#include "measure.h"
#include "tpc.h"
#include "wb.h"

const char *const model_names[] = {"loop", "thread-per-conn", NULL};

static void *loop_thread(void *arg)
{
	server_run(arg);
	return NULL;
}

static void print_load(const struct load *l)
{
	printf("  %ld replies, %ld right, in %.2f s: %.0f requests/s; latency "
	       "p50 %.2f ms, p99 %.2f ms (echo p99 %.2f ms, sum p99 %.2f ms)\n",
	       l->replies, l->right, l->secs, (double)l->replies / l->secs,
	       l->p50, l->p99, l->echo99, l->sum99);
}

void measure(const struct run *r, int m)
{
	struct server s = {.workers = (int)r->workers};
	struct tpc t = {0};
	pthread_t loop;
	struct load l = {.conns = (int)r->conns,
			 .requests = (int)r->requests,
			 .sum_n = (uint64_t)r->sum_n};
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
	long threads = m == 0 ? 1 + r->workers : r->conns + 1;
	if (r->csv) {
		printf("%s,%ld,%ld,%ld,%ld,%ld,%.3f,%.0f,%.3f,%.3f,%.3f,%.3f\n",
		       model_names[m], r->conns, r->requests, threads,
		       l.replies, l.right, l.secs, (double)l.replies / l.secs,
		       l.p50, l.p99, l.echo99, l.sum99);
		return;
	}
	if (m == 0)
		printf("loop: 1 thread served %ld connections at once, %ld "
		       "workers in its pool for the sums\n",
		       s.open_max, r->workers);
	else
		printf("thread-per-conn: %ld threads served %ld connections, "
		       "each computing its own sums\n",
		       r->conns, r->conns);
	print_load(&l);
	if (m == 0)
		printf("  sums computed in the pool: %ld; on the loop thread: "
		       "%ld%s\n",
		       s.sums_pool, s.sums_loop,
		       s.sums_loop ? " (every echo queued behind them waited)"
				   : " (the loop never waited for one)");
}

bool measure_client(const struct run *r)
{
	struct load l = {.port = (int)r->port,
			 .conns = (int)r->conns,
			 .requests = (int)r->requests,
			 .sum_n = (uint64_t)r->sum_n};
	load_run(&l);
	printf(r->csv ? "client,%ld,%ld,1,%ld,%ld,%.3f,%.0f,%.3f,%.3f,%."
			"3f,%.3f\n"
		      : "client: %ld connections x %ld requests: %ld "
			"replies, %ld right, in %.2f s: %.0f requests/s; "
			"latency p50 %.2f ms, p99 %.2f ms (echo p99 %.2f "
			"ms, sum p99 %.2f ms)\n",
	       r->conns, r->requests, l.replies, l.right, l.secs,
	       (double)l.replies / l.secs, l.p50, l.p99, l.echo99, l.sum99);
	return l.right == l.replies && l.replies == r->conns * r->requests;
}

void serve_alone(const struct run *r, int m)
{
	struct server s = {.port = (int)r->port, .workers = (int)r->workers};
	struct tpc t = {.port = (int)r->port};
	if (m == 1)
		tpc_open(&t);
	else
		server_open(&s);
	printf("serving on 127.0.0.1 port %d (%s); stop it with SIGTERM or "
	       "Ctrl-C\n",
	       m == 1 ? t.port : s.port, model_names[m == 1]);
	fflush(stdout);
	alarm((unsigned)r->seconds);
	if (m == 1) {
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
