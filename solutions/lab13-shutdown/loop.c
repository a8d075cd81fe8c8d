/* loop.c: the supervisor's loop. It starts the workers, reaps a worker
 * that crashed and starts it again after its back-off, or gives up on it;
 * it returns on SIGINT or SIGTERM, which signals.c turns into events. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loop.h"
#include "wb.h"

struct slot slot[MAX_WORKERS];
long workers = 3, crash_every = 5, max_restarts = 4, window_ms = 2000,
     run_ms = 2500;
bool ignores_term, csv;
atomic_long progress;
static uint64_t t0; /* the start, for the times printed */

long ms_now(void)
{
	return (long)((wb_now_ns() - t0) / 1000000u);
}

/* One event: a CSV row, or a line of text. */
void note(int i, const char *event, long detail, const char *text)
{
	if (csv)
		printf("%ld,%d,%ld,%s,%ld\n", ms_now(), i + 1,
		       (long)slot[i].w.pid, event, detail);
	else
		printf("%6ld ms  worker %d (pid %ld) %s\n", ms_now(), i + 1,
		       (long)slot[i].w.pid, text);
}

static void start(int i)
{
	struct wcfg c = {STEP_MS, i == 0 ? crash_every : 0,
			 ignores_term && i == workers - 1};
	slot[i].w.pid = worker_start(&c, &slot[i].w.cmd);
	slot[i].restart_at = 0;
	note(i, "start", 0,
	     c.stuck ? "started: ignores stop requests and SIGTERM"
		     : "started");
}

/* A worker ended while we ran: restart it later, or give up on it. */
static void ended(int i, int st)
{
	char text[160];
	close(slot[i].w.cmd);
	slot[i].w.cmd = -1;
	int sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
	if (sig)
		snprintf(text, sizeof text, "crashed (%s)", strsignal(sig));
	else
		snprintf(text, sizeof text, "ended with status %d",
			 WEXITSTATUS(st));
	note(i, "crash", sig, text);
	if (!may_restart(&slot[i].log, ms_now(), (int)max_restarts,
			 window_ms)) {
		slot[i].gave_up = true;
		snprintf(text, sizeof text,
			 "needs a restart, but %ld restarts in the last %ld ms "
			 "is the limit: giving up on it",
			 max_restarts, window_ms);
		note(i, "give-up", max_restarts, text);
		slot[i].w.pid = 0;
		return;
	}
	long ms = backoff_ms(++slot[i].restarts);
	slot[i].restart_at = wb_now_ns() + (uint64_t)ms * 1000000u;
	snprintf(text, sizeof text, "will restart in %ld ms (restart %d)", ms,
		 slot[i].restarts);
	note(i, "backoff", ms, text);
	slot[i].w.pid = 0;
}

/* SIGCHLD: reaps every ended worker; one SIGCHLD may stand for several. */
static void reap(void)
{
	int st;
	pid_t pid;
	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		for (int i = 0; i < workers; i++)
			if (slot[i].w.pid == pid) {
				ended(i, st);
				break;
			}
	if (pid == -1 && errno != ECHILD)
		wb_die("waitpid", errno);
}

/* The loop: signals and restart times, until SIGINT or SIGTERM. */
int supervise(int sfd)
{
	t0 = wb_now_ns();
	for (int i = 0; i < workers; i++)
		start(i);
	uint64_t end = t0 + (uint64_t)run_ms * 1000000u;
	bool sent = false;
	for (;;) {
		atomic_fetch_add(&progress, 1);
		uint64_t now = wb_now_ns(), next = now + 100000000u;
		for (int i = 0; i < workers; i++) {
			if (slot[i].restart_at && slot[i].restart_at <= now)
				start(i);
			if (slot[i].restart_at && slot[i].restart_at < next)
				next = slot[i].restart_at;
		}
		if (now >= end && !sent) {
			if (!csv)
				printf("%6ld ms  supervisor: run time is up: "
				       "sending myself SIGTERM, as kill or "
				       "Ctrl-C would\n",
				       ms_now());
			sent = true;
			wb_sys(kill(getpid(), SIGTERM), "kill");
		}
		if (!sent && end < next)
			next = end;
		int sig =
			signals_next(sfd, (long)((next - now) / 1000000u) + 1);
		if (sig == SIGCHLD)
			reap();
		else if (sig == SIGINT || sig == SIGTERM)
			return sent && sig == SIGTERM ? 0 : sig;
	}
}
