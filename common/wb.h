/* wb.h: the workbook's tiny shared library, one header for every lab.
 * Every name starts with wb_. Each part lives in its own .c file:
 * time.c, stats.c, opt.c, err.c, machine.c, watchdog.c, team.c, work.c. */
#ifndef WB_H
#define WB_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdnoreturn.h>

/* ---- time.c: clocks, all in nanoseconds ---- */
uint64_t wb_now_ns(void);        /* monotonic wall clock */
uint64_t wb_cpu_ns(void);        /* CPU time of the whole process */
uint64_t wb_thread_cpu_ns(void); /* CPU time of the calling thread */
void wb_sleep_ns(uint64_t ns);   /* sleeps the full time, even across signals */

/* ---- stats.c: repeated measurement ---- */
struct wb_stats {
	double median, min, max; /* over the repetitions, warm-up excluded */
	int reps;
};
/* Summarises v[0..n-1]; sorts v in place. n must be at least 1. */
struct wb_stats wb_stats_of(double *v, int n);
/* Calls sample(arg) `warmup` times, ignoring the results, then `reps`
 * times, and summarises what those calls returned (for example ns per op). */
struct wb_stats wb_measure(double (*sample)(void *arg), void *arg, int warmup,
			   int reps);

/* ---- opt.c: strict long options, the same for every lab program ---- */
enum wb_opt_kind { WB_OPT_INT, WB_OPT_DOUBLE, WB_OPT_CHOICE, WB_OPT_FLAG };
struct wb_opt {
	const char *name;      /* without the leading "--" */
	enum wb_opt_kind kind; /* what the value looks like */
	void *value;           /* long*, double*, int* (choice index), bool* */
	double min, max;       /* accepted range, ends included (numbers) */
	const char *const *choices; /* NULL-terminated names (WB_OPT_CHOICE) */
	const char *help;           /* one line for --help */
};
/* One table row per macro reads best on one line. */
/* clang-format off */
#define WB_INT(n, p, lo, hi, h)    {n, WB_OPT_INT, p, lo, hi, NULL, h}
#define WB_DOUBLE(n, p, lo, hi, h) {n, WB_OPT_DOUBLE, p, lo, hi, NULL, h}
#define WB_CHOICE(n, p, list, h)   {n, WB_OPT_CHOICE, p, 0, 0, list, h}
#define WB_FLAG(n, p, h)           {n, WB_OPT_FLAG, p, 0, 0, NULL, h}
#define WB_OPT_END                 {NULL, WB_OPT_FLAG, NULL, 0, 0, NULL, NULL}
/* clang-format on */

extern const char *wb_prog; /* program name used in every message */
/* Parses argv against opts (ended by WB_OPT_END, at most 64 options).
 * Accepts --name value and --name=value. Prints usage, each option with what
 * it accepts, for --help (or -h) and exits 0; on bad input prints one line
 * naming the option and what it accepts and exits 2. The rules:
 * - an integer is an optional '-' and decimal digits; a number may add a
 *   fraction and an exponent (0.5, 1e-3). Nothing else: no blanks or '+' in
 *   front, no trailing text, no hex, no inf or nan, no overflow. A number
 *   that underflows to a tiny or zero value is that value (1e-320 is in 0..1);
 * - values outside [min, max] are refused, never clamped;
 * - an empty value (--x= or --x "") is refused; so is a missing one, at the
 *   end of argv or before another option (--threads --csv);
 * - an option given twice is refused (--threads 2 --threads 4), so is a
 *   value given to a flag (--csv=1) and any argument that is not an option
 *   (no program takes operands; "--" is refused like an unknown option);
 * - an echoed bad value shows control characters as C escapes (\n) and is
 *   cut after 40 characters, so the message stays one line. */
void wb_parse(int argc, char **argv, const char *prog, const char *about,
	      const struct wb_opt *opts);
/* The same message and exit status 2, for checks across options. */
noreturn void wb_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* ---- err.c: failing calls end the program with "prog: what: reason" ---- */
noreturn void wb_die(const char *what, int err); /* exit status 1 */
void wb_check(int rc, const char *what); /* pthread style: rc is the error */
int wb_sys(int rc, const char *what);    /* -1 and errno style; returns rc */
void *wb_alloc(size_t n);                /* zeroed memory, or die */

/* ---- machine.c: facts for captions and defaults ---- */
int wb_cpus(void);        /* online CPUs */
long wb_cache_line(void); /* L1 data cache line in bytes, 64 if unknown */
/* "CPU model, N CPUs, Linux x.y, gcc x.y" for figure captions. */
const char *wb_machine(void);

/* ---- watchdog.c: ends a stuck demonstration with exit status 3 ---- */
/* Starts a thread that watches *progress. When it has not changed for ms
 * milliseconds, prints what it saw (then calls report, if any, to say who
 * waits for what) on stderr and ends the process with status 3. */
void wb_watchdog_start(long ms, atomic_long *progress,
		       void (*report)(FILE *out, void *arg), void *arg);
void wb_watchdog_stop(void); /* the work is done: stop and join the watchdog */

/* ---- team.c: run n threads released together, time them ---- */
/* Runs fn(args + i * size) on n threads. They start together from a barrier;
 * returns the ns from the first thread's start to the last one's finish. */
uint64_t wb_team_run(int n, void *(*fn)(void *), void *args, size_t size);

/* ---- work.c: stand-ins for real work ---- */
/* CPU-bound work: the sum of i*i for i < n (the guide's compute()). */
uint64_t wb_burn(uint64_t n);

#endif
