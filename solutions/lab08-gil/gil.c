/* gil.c: lab08, a toy GIL. Threads run "bytecodes" of a toy interpreter
 * under a global lock modelled on CPython's. Run: make lab08, or
 * make lab08 ARGS="--kind counter --check-at every". It prints the time of
 * the same work on one thread, on threads with the GIL and without it. */
#include <stdbool.h>
#include <stdio.h>

#include "bench.h"
#include "convoy.h"
#include "table.h"
#include "wb.h"

static const char *const kinds[] = {"cpu", "io", "mixed", "counter", NULL};
static const char *const onoff[] = {"on", "off", NULL};
static const char *const checks[] = {"every", "backedge", NULL};
static const long default_work[] = {60000, 400, 800, 60000};
static int kind = -1, gil = -1, check_at = CHECK_BACKEDGE; /* -1: not given */
static long threads = 2, interval_us = 5000, work, reps = 3, dog_ms = 10000;
static bool csv;

static void report(FILE *out, void *arg)
{
	(void)arg;
	fprintf(out,
		"%s: the threads ran no bytecode: one waits for a GIL "
		"that its holder never drops\n",
		wb_prog);
}

static void csv_row(struct config *c)
{
	struct wb_stats serial, st;
	struct config one = *c;
	one.gil = false, one.threads = 1;
	bench(&one, 1, (int)reps, &serial);
	struct result r = bench(c, 1, (int)reps, &st);
	printf("impl,kind,gil,threads,interval_us,work,reps,serial_s,median_s,"
	       "min_s,max_s,speedup,switches,drop_requests\n");
	printf("toy,%s,%s,%d,%ld,%ld,%ld,%.6f,%.6f,%.6f,%.6f,%.6f,%lu,%ld\n",
	       kinds[c->kind], c->gil ? "on" : "off", c->threads,
	       c->interval_us, c->work, reps, serial.median, st.median, st.min,
	       st.max, serial.median / st.median, r.switches, r.drop_requests);
}

int main(int argc, char **argv)
{
	struct wb_opt opts[] = {
		WB_INT("threads", &threads, 1, 64, "threads sharing the work"),
		WB_CHOICE("kind", &kind, kinds,
			  "the bytecodes: compute, block, both, or counter "
			  "+= 1 (default: cpu and io, then the convoy)"),
		WB_CHOICE("gil", &gil, onoff,
			  "with the GIL or without (PEP 703) (default: both; "
			  "with --csv: on)"),
		WB_INT("interval-us", &interval_us, 1, 1000000,
		       "the switch interval, as sys.setswitchinterval"),
		WB_INT("work", &work, 1, 100000000,
		       "bytecodes in all (default: 60000 cpu and counter, 400 "
		       "io, 800 mixed)"),
		WB_CHOICE("check-at", &check_at, checks,
			  "where the eval breaker is checked: every bytecode "
			  "(3.9) or back edges (3.10+, the default)"),
		WB_INT("reps", &reps, 1, 50, "runs; the median is reported"),
		WB_INT("watchdog-ms", &dog_ms, 100, 600000,
		       "end with status 3 after this long without progress"),
		WB_FLAG("csv", &csv, "print a header and one CSV row"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "gil",
		 "threads run a toy interpreter's bytecodes under a toy GIL",
		 opts);
	wb_watchdog_start(dog_ms, &interp_progress, report, NULL);
	struct config c = {
		.kind = kind < 0 ? KIND_CPU : kind,
		.check_at = check_at,
		.gil = gil != 1,
		.threads = (int)threads,
		.interval_us = interval_us,
	};
	c.work = work ? work : default_work[c.kind];
	struct result r[2] = {0};
	if (csv) {
		csv_row(&c);
	} else if (kind >= 0) {
		table_print(&c, gil, reps, r);
		table_meaning(&c, r);
	} else {
		for (int k = KIND_CPU; k <= KIND_IO; k++) {
			c.kind = k;
			c.work = work ? work : default_work[k];
			struct result rk[2] = {0};
			table_print(&c, gil, reps, rk);
			table_meaning(&c, rk);
			printf("\n");
		}
		convoy_show(interval_us);
	}
	wb_watchdog_stop();
	return 0;
}
