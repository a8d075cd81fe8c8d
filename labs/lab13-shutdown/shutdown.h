/* shutdown.h: lab13's supervisor parts, one file each: the workers
 * (worker.c), the signals (signals.c), the stop (stop.c), the restart rule
 * (backoff.c). super.c puts them together. */
#ifndef SHUTDOWN_H
#define SHUTDOWN_H

#include <stdbool.h>
#include <stdnoreturn.h>
#include <sys/types.h>

/* ---- worker.c: a worker process that works in steps ---- */
struct wcfg {
	long step_ms;     /* one step of (simulated) work */
	long crash_every; /* the worker aborts at this step; 0: never */
	bool stuck;       /* ignores stop requests and SIGTERM */
};
/* The worker's life, in the child: a step, then a look at its command
 * pipe; end of file there is the stop request: it exits 0. */
noreturn void worker_main(const struct wcfg *c, int cmd);
/* Forks a worker; *cmd gets the write end of its command pipe (close it
 * to ask the worker to stop). The worker dies with the calling thread. */
pid_t worker_start(const struct wcfg *c, int *cmd);

/* ---- signals.c: signals as events, read in the supervisor's loop ---- */
/* Makes SIGINT, SIGTERM and SIGCHLD arrive through the returned file
 * descriptor instead of by their default actions. */
int signals_open(void);
/* Waits up to timeout_ms for one of them; returns it, or 0 on timeout. */
int signals_next(int fd, long timeout_ms);

/* ---- stop.c: the graceful stop, then escalation ---- */
enum how { HOW_RUNNING, HOW_ASKED, HOW_TERM, HOW_KILL };
struct worker {
	pid_t pid;    /* 0 once reaped (or never started) */
	int cmd;      /* write end of its command pipe; -1 once closed */
	int status;   /* its wait status, once reaped */
	enum how how; /* the stage of the stop in which it ended */
};
/* Asks every running worker to stop, waits grace_ms, sends SIGTERM to those
 * left, waits grace_ms again, sends SIGKILL to the rest; reaps them all. */
void stop_all(struct worker *w, int n, long grace_ms);

/* ---- backoff.c: restart with exponential back-off, up to a limit ---- */
#define BACKOFF_FIRST_MS 50  /* the wait before the first restart */
#define BACKOFF_MAX_MS   800 /* no wait is longer */
#define RESTARTS_MAX     100 /* the largest --max-restarts */
/* The wait before restart number k (k >= 1): 50, 100, 200, 400, 800, 800,
 * ... ms. */
long backoff_ms(int k);
struct startlog {
	long at_ms[RESTARTS_MAX]; /* when the restarts were allowed */
	int n;                    /* how many are recorded */
};
/* A worker crashed at now_ms: may it restart? Yes (and the restart is
 * recorded) while fewer than max restarts happened in the last window_ms;
 * no means give up, as systemd's StartLimitBurst does. */
bool may_restart(struct startlog *log, long now_ms, int max, long window_ms);

#endif
