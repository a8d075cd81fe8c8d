/* report.h: runs the demos of oversub and prints what they measured, in
 * words or as CSV rows. */
#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>

#include "load.h"
#include "wb.h"

struct setup {
	const cpu_set_t *allowed; /* the CPUs to pin to */
	const char *cpulist;      /* the same, as a list for messages */
	int ncpus;                /* how many */
	int pin;                  /* an enum pin_mode, or -1: not given */
	long threads;             /* the big team, or -1: 4 per CPU */
	long rounds, ms, reps;
	bool csv;
};

/* One result: the median and range of reps runs. */
struct row {
	struct wb_stats ops;         /* per second */
	long voluntary, involuntary; /* of the median run */
};

extern const char *const pin_names[]; /* "none", "same", "spread" */

/* Prints one CSV row (see oversub's header line). */
void csv_row(const char *demo, const char *variant, int pin, long threads,
	     int ncpus, const struct row *r);

void report_pingpong(const struct setup *s);
void report_load(const struct setup *s, enum load_kind kind);

#endif
