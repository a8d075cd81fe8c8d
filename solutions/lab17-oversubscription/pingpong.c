/* pingpong.c: the context-switch cost, the way `perf bench sched pipe`
 * measures it. Ping writes a byte to one pipe and reads the answer from
 * the other; pong reads and writes it back. When ping has sent everything
 * it closes its pipe; pong, at end of file, sends its own counts back. */
#define _GNU_SOURCE /* sched_getcpu, RUSAGE_THREAD */
#include <errno.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "load.h"
#include "pingpong.h"
#include "wb.h"

struct ends {
	int in, out; /* this side reads in, writes out */
	int cpu;     /* where it is pinned, or -1 */
	long rounds; /* ping: how many round trips */
	struct pong_result *res;
};

static void one_byte(int fd, char *c, bool writing)
{
	ssize_t n = writing ? write(fd, c, 1) : read(fd, c, 1);
	if (n != 1)
		wb_die(writing ? "write" : "read", n < 0 ? errno : EPIPE);
}

static void usage(struct side *s, const struct rusage *r0)
{
	struct rusage r1;
	wb_sys(getrusage(RUSAGE_THREAD, &r1), "getrusage");
	s->voluntary = r1.ru_nvcsw - r0->ru_nvcsw;
	s->involuntary = r1.ru_nivcsw - r0->ru_nivcsw;
}

static void seen(struct side *s)
{
	int cpu = sched_getcpu();
	if (cpu >= 0 && cpu < 64)
		s->cpus |= UINT64_C(1) << cpu;
}

/* Answers every byte; at end of file sends its struct side back. */
static void pong(const struct ends *e)
{
	struct side me = {0};
	struct rusage r0;
	char c;
	wb_check(pin_self(e->cpu), "pin_self");
	wb_sys(getrusage(RUSAGE_THREAD, &r0), "getrusage");
	while (read(e->in, &c, 1) == 1) {
		seen(&me);
		c++;
		one_byte(e->out, &c, true);
		me.rounds++;
	}
	usage(&me, &r0);
	if (write(e->out, &me, sizeof me) != (ssize_t)sizeof me)
		wb_die("write", errno);
}

static void *pong_thread(void *arg)
{
	pong(arg);
	return NULL;
}

/* Sends rounds bytes, each after the answer to the one before. */
static void *ping(void *arg)
{
	struct ends *e = arg;
	struct side *me = &e->res->ping;
	struct rusage r0;
	char c = 0, back;
	wb_check(pin_self(e->cpu), "pin_self");
	wb_sys(getrusage(RUSAGE_THREAD, &r0), "getrusage");
	uint64_t t0 = wb_now_ns();
	for (long i = 0; i < e->rounds; i++) {
		one_byte(e->out, &c, true);
		one_byte(e->in, &back, false);
		if (back != (char)(c + 1))
			wb_die("read: the answer is not the byte sent + 1",
			       EPROTO);
		seen(me);
		c = back;
		me->rounds++;
		if (i % 1024 == 0)
			atomic_fetch_add(&oversub_progress, 1);
	}
	e->res->ns_per_round = (double)(wb_now_ns() - t0) / (double)e->rounds;
	usage(me, &r0);
	wb_sys(close(e->out), "close"); /* pong sees end of file */
	if (read(e->in, &e->res->pong, sizeof e->res->pong) !=
	    (ssize_t)sizeof e->res->pong)
		wb_die("read: pong's counts", EPIPE);
	return NULL;
}

struct pong_result pingpong(bool procs, const cpu_set_t *allowed,
			    enum pin_mode pin, long rounds)
{
	struct pong_result res = {0};
	int there[2], back[2];
	wb_sys(pipe(there), "pipe");
	wb_sys(pipe(back), "pipe");
	struct ends pe = {back[0], there[1], pin_choose(allowed, pin, 0),
			  rounds, &res};
	struct ends qe = {there[0], back[1], pin_choose(allowed, pin, 1), 0,
			  &res};
	pthread_t p, q;
	pid_t child = -1;
	if (procs) {
		child = wb_sys(fork(), "fork");
		if (child == 0) { /* pong: a process with one thread */
			close(there[1]);
			close(back[0]);
			pong(&qe);
			_exit(0);
		}
	} else {
		wb_check(pthread_create(&q, NULL, pong_thread, &qe),
			 "pthread_create");
	}
	/* This process keeps only ping's ends (and, for threads, pong's). */
	if (procs) {
		wb_sys(close(there[0]), "close");
		wb_sys(close(back[1]), "close");
	}
	wb_check(pthread_create(&p, NULL, ping, &pe), "pthread_create");
	wb_check(pthread_join(p, NULL), "pthread_join");
	if (procs) {
		int st;
		wb_sys(waitpid(child, &st, 0), "waitpid");
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			wb_die("pong process", ECHILD);
	} else {
		wb_check(pthread_join(q, NULL), "pthread_join");
		wb_sys(close(there[0]), "close");
		wb_sys(close(back[1]), "close");
	}
	wb_sys(close(back[0]), "close");
	return res;
}
