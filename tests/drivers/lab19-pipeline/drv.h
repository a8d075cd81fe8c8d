/* drv.h: what lab19's test drivers share. The driver feeds the pipeline a
 * text of its own (text_line is wrapped), counts the words itself as it
 * makes them, injects failures into any stage's work (wrapped too), and
 * looks at /proc/self/task and waitpid for what is left. Each driver
 * includes this file once, first; drivers.mk wraps the four work functions
 * and stage_thread for every driver. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_exit_group) */

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pipeline.h"
#include "verdict.h"
#include "wb.h"

#define FAIL_AT 20 /* the injected failure: on the stage's 20th item */

static char drv_late[256];

static void drv_alarm(int sig)
{
	(void)sig;
	if (write(STDOUT_FILENO, drv_late, strlen(drv_late)) < 0)
		_exit(1);
	syscall(SYS_exit_group, 1);
}

/* From now on the run ends within ms, with "NAME: FAIL: why". */
static inline void drv_deadline(long ms, const char *why)
{
	snprintf(drv_late, sizeof drv_late, "%s: FAIL: %s\n", drv_name, why);
	fflush(stdout);
	signal(SIGALRM, drv_alarm);
	struct itimerval t = {.it_value = {ms / 1000, ms % 1000 * 1000}};
	setitimer(ITIMER_REAL, &t, NULL);
}

static inline int drv_threads(void)
{
	DIR *d = opendir("/proc/self/task");
	if (!d)
		wb_die("opendir /proc/self/task", errno);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void *drv_nothing(void *arg)
{
	return arg;
}

/* The threads of the process before a run: a first thread is started and
 * joined so that ThreadSanitizer's own helper is counted. */
static inline int drv_begin(const char *name)
{
	drv_name = name;
	setvbuf(stdout, NULL, _IOLBF, 0);
	pthread_t t;
	wb_check(pthread_create(&t, NULL, drv_nothing, NULL), "pthread_create");
	wb_check(pthread_join(t, NULL), "pthread_join");
	return drv_threads();
}

/* Fails if a thread or a child process (even a zombie) is left. */
static inline void drv_nothing_left(int before, const char *when)
{
	int now = drv_threads();
	if (now != before)
		drv_fail("%s: %d threads are left running: every stage's "
			 "threads must end and be joined",
			 when, now - before);
	errno = 0;
	if (waitpid(-1, NULL, WNOHANG) != -1 || errno != ECHILD)
		drv_fail("%s: a child process is left (running or not "
			 "reaped): the process stage's child must be reaped",
			 when);
}

/* ---- the driver's own text and its own count of it ---- */
static const char *const dw[] = {"Alpha",  "beta", "GAMMA", "Delta", "epsilon",
				 "zeta",   "eta",  "theta", "iota",  "kappa",
				 "lambda", "mu",   "nu",    "xi",    "omicron",
				 "pi",     "rho",  "sigma", "tau",   "upsilon",
				 "phi",    "chi",  "psi",   "omega"};
#define DW (int)(sizeof dw / sizeof dw[0])
static long ref[DW];          /* times the driver wrote word k */
static uint64_t drv_seed = 1; /* the driver's text, not the lab's */
static atomic_long text_calls;

static uint64_t drv_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Line i, n words: capitals and punctuation that cleaning must remove. */
static void drv_line(long i, int n, struct msg *m)
{
	uint64_t s = drv_seed * 1000003u + (uint64_t)i * 7919u + 1;
	size_t len = 0;
	*m = (struct msg){.seq = i, .n = n};
	for (int k = 0; k < n; k++) {
		uint64_t r = drv_rand(&s) ^ drv_rand(&s);
		int w = (int)(r % DW);
		ref[w]++;
		const char *punct[] = {"", "", ",", ";", "!", "?"};
		len += (size_t)snprintf(m->text + len, TEXT_MAX - len,
					"%s%s%c%s%s", k ? " " : "",
					(r >> 20) % 5 ? "" : "\"", dw[w][0],
					dw[w] + 1, punct[(r >> 30) % 6]);
	}
}

static void drv_lower(int k, char *out)
{
	int j = 0;
	for (; dw[k][j]; j++)
		out[j] = (char)tolower((unsigned char)dw[k][j]);
	out[j] = '\0';
}

/* ---- the wrapped work functions ---- */
static int fail_stage;            /* inject a failure here (0: none) */
static atomic_bool hold_reducers; /* count_line waits while set */
static long slow_seq = -1;        /* map_line of this line takes 30 ms */
static atomic_long calls[STAGES + 1];

static int inject(int stage, char *err)
{
	if (fail_stage != stage ||
	    atomic_fetch_add(&calls[stage], 1) + 1 != FAIL_AT)
		return 0;
	snprintf(err, ERR_MAX, "driver: injected failure in %s",
		 stage_names[stage]);
	return -1;
}

int __wrap_text_line(uint64_t seed, long i, int n, struct msg *m, char *err)
{
	(void)seed;
	atomic_fetch_add(&text_calls, 1);
	if (inject(1, err))
		return -1;
	drv_line(i, n, m);
	return 0;
}

int __real_clean_line(struct msg *m, char *err);
int __wrap_clean_line(struct msg *m, char *err)
{
	if (inject(2, err)) /* in the child: its own copy of calls[] */
		return -1;
	return __real_clean_line(m, err);
}

int __real_map_line(const struct msg *m, struct msg *out, int parts, char *err);
int __wrap_map_line(const struct msg *m, struct msg *out, int parts, char *err)
{
	if (m->seq == slow_seq) /* the others reach the end meanwhile */
		wb_sleep_ns(30000000);
	if (inject(3, err))
		return -1;
	return __real_map_line(m, out, parts, err);
}

int __real_count_line(struct counts *c, const struct msg *m, char *err);
int __wrap_count_line(struct counts *c, const struct msg *m, char *err)
{
	while (atomic_load(&hold_reducers))
		wb_sleep_ns(1000000);
	if (inject(4, err))
		return -1;
	return __real_count_line(c, m, err);
}

/* ---- the end of a thread of stage 3 or 4 (stage_thread is wrapped) ----
 * Such a thread may end only once its input has ended (closed and empty),
 * or once the pipeline stops (a failure recorded, or a queue shut down):
 * otherwise lines are lost, or the stage before it waits for room for
 * ever. A driver with a queue of its own defines DRV_OWN_QUEUE and its
 * own drv_queue_state. */
#ifdef DRV_OWN_QUEUE
static void drv_queue_state(struct queue *q, bool *closed, bool *shut,
			    long *held);
#else
static void drv_queue_state(struct queue *q, bool *closed, bool *shut,
			    long *held)
{
	wb_check(pthread_mutex_lock(&q->lock), "pthread_mutex_lock");
	*closed = q->closed;
	*shut = q->shut;
	*held = q->count;
	wb_check(pthread_mutex_unlock(&q->lock), "pthread_mutex_unlock");
}
#endif

static bool drv_stopping(struct pipeline *p)
{
	bool closed, shut = false;
	long held;
	wb_check(pthread_mutex_lock(&p->lock), "pthread_mutex_lock");
	bool failed = p->failed != 0;
	wb_check(pthread_mutex_unlock(&p->lock), "pthread_mutex_unlock");
	for (int i = 0; !failed && !shut && i < p->nq; i++)
		drv_queue_state(&p->q[i], &closed, &shut, &held);
	return failed || shut;
}

void *__real_stage_thread(void *arg);
void *__wrap_stage_thread(void *arg)
{
	struct worker *w = arg;
	void *r = __real_stage_thread(arg);
	bool closed, shut;
	long held;
	drv_queue_state(w->in, &closed, &shut, &held);
	if (!shut && !(closed && held == 0) && !drv_stopping(w->p)) {
		/* one verdict: a second thread waits here until the exit */
		static pthread_mutex_t one = PTHREAD_MUTEX_INITIALIZER;
		pthread_mutex_lock(&one);
		drv_fail("thread %d of stage %d (%s) ended while its input "
			 "queue was %s and held %ld, with no failure: it "
			 "must get items until queue_get says the input has "
			 "ended",
			 w->id, w->stage, stage_names[w->stage],
			 closed ? "closed" : "open", held);
	}
	return r;
}

/* ---- one run ---- */
static struct pipeline P;

static inline void drv_reset(void)
{
	memset(ref, 0, sizeof ref);
	atomic_store(&text_calls, 0);
	for (int s = 0; s <= STAGES; s++)
		atomic_store(&calls[s], 0);
}

/* Every word counted as often as the driver wrote it, by one reducer. */
static inline void drv_check_counts(const char *when)
{
	long distinct = 0, found = 0;
	for (int k = 0; k < DW; k++) {
		char w[WORD_MAX];
		drv_lower(k, w);
		long sum = 0;
		int in = 0;
		for (int r = 0; r < P.cfg.reducers; r++) {
			long c = counts_of(&P.counts[r], w);
			sum += c;
			in += c > 0;
		}
		if (sum != ref[k])
			drv_fail("%s: \"%s\" was counted %ld times, the text "
				 "has it %ld times",
				 when, w, sum, ref[k]);
		if (ref[k] && in != 1)
			drv_fail("%s: \"%s\" is counted by %d reducers: the "
				 "shuffle must send a word to one only",
				 when, w, in);
		distinct += ref[k] > 0;
	}
	for (int r = 0; r < P.cfg.reducers; r++)
		found += P.counts[r].distinct;
	if (found != distinct)
		drv_fail("%s: the reducers hold %ld distinct words, the text "
			 "has %ld",
			 when, found, distinct);
}

#endif
