/* oversub.c: lab17, more threads than CPUs. pingpong: what a context
 * switch costs (a byte sent back and forth over pipes, on one CPU and on
 * two); cpu, lock, io: how much a team gets done with one thread per CPU
 * and with several. Run: make lab17 (all four, a few seconds), or
 * ARGS="--demo lock --threads 16". Look at the ratios it prints. */
#define _GNU_SOURCE /* cpu_set_t */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "report.h"
#include "wb.h"

static const char *const demos[] = {"all",  "pingpong", "cpu",
				    "lock", "io",       NULL};
static const char *const pins[] = {"none", "same", "spread", NULL};
static int demo, pin = -1;                  /* -1: not given */
static long threads = -1, cpu = -1;         /* -1: not given */
static long rounds = -1, ms = -1, reps = 3; /* -1: 5000 rounds, 100 ms */
static bool csv;
static cpu_set_t allowed;
static int ncpus;
static char cpulist[256];

static void check_options(void)
{
	bool pp = demo == 1, load = demo >= 2;
	if (threads != -1 && pp)
		wb_usage_error("--threads: pingpong always has 2 sides; use "
			       "it with --demo cpu, lock or io");
	if (ms != -1 && pp)
		wb_usage_error("--ms: only for --demo cpu, lock or io");
	if (rounds != -1 && load)
		wb_usage_error("--rounds: only for --demo pingpong");
	if (cpu == -1)
		return;
	if (pin != 1 && pin != 2)
		wb_usage_error("--cpu: only with --pin same or --pin spread");
	if (!CPU_ISSET(cpu, &allowed))
		wb_usage_error("--cpu: CPU %ld is not one this process may "
			       "run on (allowed: %s)",
			       cpu, cpulist);
	CPU_ZERO(&allowed); /* the pinned threads get just this one */
	CPU_SET(cpu, &allowed);
	ncpus = 1;
	pin_list(&allowed, cpulist, sizeof cpulist);
}

int main(int argc, char **argv)
{
	struct wb_opt opts[] = {
		WB_CHOICE(
			"demo", &demo, demos,
			"which demonstration; all (default): the four in turn"),
		WB_INT("threads", &threads, 1, 1024,
		       "cpu, lock, io: threads of the big team (default: 4 "
		       "per CPU)"),
		WB_CHOICE("pin", &pin, pins,
			  "none, same (one CPU for all) or spread (a CPU "
			  "each); pingpong default: same, then spread"),
		WB_INT("cpu", &cpu, 0, CPU_SETSIZE - 1,
		       "pin to this CPU only (with --pin same or spread)"),
		WB_INT("rounds", &rounds, 1, 1000000,
		       "pingpong: round trips (default 5000)"),
		WB_INT("ms", &ms, 10, 10000,
		       "cpu, lock, io: how long each team runs (default 100)"),
		WB_INT("reps", &reps, 1, 50,
		       "runs of each; the median counts (default 3)"),
		WB_FLAG("csv", &csv, "print CSV rows for the plots"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "oversub",
		 "more threads than CPUs: context switches, throughput, "
		 "affinity",
		 opts);
	ncpus = pin_allowed(&allowed);
	pin_list(&allowed, cpulist, sizeof cpulist);
	check_options();
	if (ms == -1)
		ms = 100;
	if (rounds == -1)
		rounds = 5000;
	wb_watchdog_start(ms + 10000, &oversub_progress, NULL, NULL);
	if (csv)
		puts("demo,variant,pin,threads,cpus,ops_median,ops_min,ops_"
		     "max,us_per_op,voluntary,involuntary");
	struct setup s = {&allowed, cpulist, ncpus, pin, threads,
			  rounds,   ms,      reps,  csv};
	if (demo <= 1)
		report_pingpong(&s);
	if (demo == 0 || demo == 2)
		report_load(&s, LOAD_CPU);
	if (demo == 0 || demo == 3) {
		report_load(&s, LOAD_LOCK);
		report_load(&s, LOAD_SHORT);
	}
	if (demo == 0 || demo == 4)
		report_load(&s, LOAD_IO);
	wb_watchdog_stop();
	return 0;
}
