/* table.c: gil's report on one kind of bytecode: the serial time, the
 * threads with and without the GIL, and what the numbers mean. */
#include <stdio.h>

#include "table.h"

void table_print(struct config *c, int gil, long reps, struct result r2[2])
{
	struct wb_stats serial, st;
	struct config one = *c;
	one.gil = false, one.threads = 1;
	bench(&one, 1, (int)reps, &serial);
	static const char *const what[] = {
		"cpu-bound", "io-bound", "mixed (io and cpu bytecodes in turn)",
		"counter += 1 (load, add, store: 3 bytecodes)"};
	printf("%s: %ld bytecodes in all, switch interval %ld us, eval "
	       "breaker checked at %s, median of %ld runs\n",
	       what[c->kind], c->work, c->interval_us,
	       c->check_at == CHECK_EVERY ? "every bytecode" : "back edges",
	       reps);
	printf("  1 thread, no lock (the baseline)  %.3f s\n", serial.median);
	for (int off = 0; off < 2; off++) {
		if (gil >= 0 && gil != off)
			continue;
		c->gil = !off;
		struct result r = r2[off] = bench(c, 1, (int)reps, &st);
		printf("  %d threads %s the GIL%s  %.3f s, speedup %.2fx: at "
		       "most %d inside a bytecode and %d in a blocking call "
		       "at once",
		       c->threads, off ? "without" : "with", off ? "" : "   ",
		       st.median, serial.median / st.median, r.most_inside,
		       r.most_blocked);
		if (!off)
			printf("; %lu switches, %ld drop requests, %ld forced",
			       r.switches, r.drop_requests, r.forced_switches);
		printf("\n");
		if (c->kind == KIND_COUNTER)
			printf("    expected %ld, counted %ld: %ld updates "
			       "lost (%.0f%%)\n",
			       r.expected, r.counted, r.expected - r.counted,
			       100.0 * (double)(r.expected - r.counted) /
				       (double)(r.expected ? r.expected : 1));
	}
}

void table_meaning(const struct config *c, const struct result r[2])
{
	const struct result *on = &r[0], *off = &r[1];
	for (int i = 0; c->kind == KIND_COUNTER && i < 2; i++)
		if (r[i].s > 0)
			printf(r[i].counted == r[i].expected
				       ? "=> %s the GIL no update was lost: no "
					 "switch fell between a load and its "
					 "store\n"
				       : "=> %s the GIL updates were lost: a "
					 "thread stored a value it loaded "
					 "before another thread's stores\n",
			       i ? "without" : "with");
	if (on->s > 0 && c->kind != KIND_IO)
		printf("=> with the GIL the threads took turns, at most %d "
		       "running bytecode%s\n",
		       on->most_inside,
		       c->kind == KIND_CPU ? ": CPU-bound threads gain nothing"
					   : "");
	if (on->s > 0 && (c->kind == KIND_IO || c->kind == KIND_MIXED)) {
		if (on->most_blocked > 1)
			printf("=> with the GIL, %d threads waited in blocking "
			       "calls at once, each having let go of the GIL: "
			       "I/O-bound threads gain\n",
			       on->most_blocked);
		else
			printf("=> with the GIL, %d thread at a time waited in "
			       "a blocking call: it kept the GIL, so the "
			       "others could not run\n",
			       on->most_blocked);
	}
	if (off->s > 0 && c->kind != KIND_IO)
		printf("=> without the GIL (PEP 703's free-threaded build) "
		       "%d threads ran bytecode at the same moment: CPU-bound "
		       "work can scale with the cores (%d here)\n",
		       off->most_inside, wb_cpus());
}
