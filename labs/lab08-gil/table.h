/* table.h: gil's report on one kind of bytecode, in a table and in
 * words. */
#ifndef TABLE_H
#define TABLE_H

#include "bench.h"

/* Times c's work on one thread, then on c->threads with the GIL and
 * without (gil: -1 both, 0 with only, 1 without only; reps runs each), and
 * prints a line for each. r[0] gets the run with the GIL, r[1] the run
 * without (s 0: not run). Leaves c->gil as the last run had it. */
void table_print(struct config *c, int gil, long reps, struct result r[2]);

/* What the numbers mean, in words that stay true on a busy machine. */
void table_meaning(const struct config *c, const struct result r[2]);

#endif
