/* summary.h: what a run of lab06 prints. */
#ifndef SUMMARY_H
#define SUMMARY_H

#include <stdbool.h>

#include "workers.h"

/* Prints, in words, what the idle probe measured: the CPU that waiting
 * threads used. */
void summary_waits(struct run *r);
/* Prints the exactly-once check and what waiting cost: in words, or as a
 * CSV header and one row. All workers must have been joined. */
void summary_print(struct run *r, bool csv);

#endif
