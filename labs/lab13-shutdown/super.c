/* super.c: a supervisor. It runs worker processes, restarts the one that
 * crashes (after a growing wait, until it gives up), and on SIGINT or
 * SIGTERM stops them all: asks, waits, then SIGTERM, then SIGKILL.
 * Run: make lab13 (or ARGS="--worker-ignores-term"). Expect worker 1 to
 * crash and be restarted 4 times, then given up; after --run-ms the
 * supervisor sends itself SIGTERM and reports how each worker stopped. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loop.h"
#include "wb.h"

static atomic_bool stopping; /* for the watchdog's report */

static const char *signame(int sig)
{
	switch (sig) {
	case SIGTERM:
		return "SIGTERM";
	case SIGKILL:
		return "SIGKILL";
	case SIGABRT:
		return "SIGABRT";
	default:
		return strsignal(sig);
	}
}

static void say_stuck(FILE *out, void *unused)
{
	(void)unused;
	if (atomic_load(&stopping))
		fprintf(out,
			"%s: the stop waits for a worker that ignores the "
			"stop request and SIGTERM; only SIGKILL ends it\n",
			wb_prog);
	else
		fprintf(out, "%s: the supervisor's loop stopped turning\n",
			wb_prog);
}

/* How a worker ended in the stop, in words. */
static void report(int i)
{
	struct slot *s = &slot[i];
	int st = s->w.status;
	const char *how[] = {"", "asked", "term", "kill"};
	char text[160];
	if (s->gave_up || s->w.how == HOW_RUNNING) {
		if (csv)
			return;
		printf("  worker %d: %s\n", i + 1,
		       s->gave_up ? "given up on earlier: nothing to stop"
				  : "waited for its restart: nothing to stop");
		return;
	}
	if (s->w.how == HOW_ASKED && WIFEXITED(st) && WEXITSTATUS(st) == 0)
		snprintf(text, sizeof text, "stopped by itself when asked");
	else if (WIFSIGNALED(st))
		snprintf(text, sizeof text, "ended by %s",
			 signame(WTERMSIG(st)));
	else
		snprintf(text, sizeof text, "exited with status %d",
			 WEXITSTATUS(st));
	if (csv)
		printf("%ld,%d,0,stop-%s,%d\n", ms_now(), i + 1, how[s->w.how],
		       WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
	else
		printf("  worker %d: %s%s\n", i + 1, text,
		       s->w.how == HOW_TERM   ? ", after the SIGTERM"
		       : s->w.how == HOW_KILL ? ", after SIGTERM did not end it"
					      : "");
}

int main(int argc, char **argv)
{
	long grace_ms = 300;
	const struct wb_opt opts[] = {
		WB_INT("workers", &workers, 1, MAX_WORKERS, "worker processes"),
		WB_INT("grace-ms", &grace_ms, 1, 5000,
		       "wait after the stop request, and again after SIGTERM"),
		WB_INT("crash-every", &crash_every, 0, 1000,
		       "worker 1 crashes at this step of each run (0: never)"),
		WB_INT("max-restarts", &max_restarts, 1, RESTARTS_MAX,
		       "restarts allowed within --window-ms, then give up"),
		WB_INT("window-ms", &window_ms, 1, 600000,
		       "the window of the give-up rule"),
		WB_INT("run-ms", &run_ms, 1, 60000,
		       "then the supervisor sends itself SIGTERM"),
		WB_FLAG("worker-ignores-term", &ignores_term,
			"the last worker ignores stop requests and SIGTERM"),
		WB_FLAG("csv", &csv, "print events as CSV rows"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "super",
		 "a supervisor: restarts with back-off, stops gracefully",
		 opts);
	setvbuf(stdout, NULL, _IOLBF, 0); /* lines in order with stderr */
	/* Signals first: the watchdog's thread inherits the blocked set, so
	 * SIGTERM cannot land there and kill us by its default action. */
	int sfd = signals_open();
	wb_watchdog_start(2 * grace_ms + 2000, &progress, say_stuck, NULL);
	if (csv)
		printf("ms,worker,pid,event,detail\n");
	else
		printf("supervisor %ld: %ld workers, a step every %d ms; "
		       "SIGTERM or Ctrl-C stops them (grace %ld ms)\n",
		       (long)getpid(), workers, STEP_MS, grace_ms);
	int sig = supervise(sfd);
	if (!csv)
		printf("%6ld ms  supervisor: got %s: asking every worker to "
		       "stop\n",
		       ms_now(), sig == SIGINT ? "SIGINT" : "SIGTERM");
	atomic_store(&stopping, true);
	struct worker w[MAX_WORKERS];
	for (int i = 0; i < workers; i++)
		w[i] = slot[i].w;
	stop_all(w, (int)workers, grace_ms);
	for (int i = 0; i < workers; i++)
		slot[i].w = w[i];
	if (!csv)
		printf("%6ld ms  supervisor: every worker is reaped:\n",
		       ms_now());
	for (int i = 0; i < workers; i++)
		report(i);
	wb_watchdog_stop();
	close(sfd);
	if (sig == 0) /* our own planned SIGTERM */
		return 0;
	/* Someone else's signal: end by it, so they see how we ended. */
	fflush(stdout);
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	raise(sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	return 1; /* not reached */
}
