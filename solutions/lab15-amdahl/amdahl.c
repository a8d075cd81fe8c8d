/* amdahl.c: fixed work, a fraction s of it done by one thread and the rest
 * split across 1, 2, ..., N threads: measured speedup beside Amdahl's law.
 * Run: make lab15 ARGS="--serial 0.1 --threads 4" (or --predict, --karp-flatt).
 * Expect speedups just under Amdahl's up to the number of cores, and a
 * Karp-Flatt e near s there that grows once threads outnumber cores. */
#include <stdbool.h>

#include "amdahl.h"
#include "wb.h"

int main(int argc, char **argv)
{
	long threads = 4, units = 1000, size = 200000, reps = 5;
	double s = 0.1, speedup = 0; /* 0: no --karp-flatt */
	int engine = 0;
	bool csv = false, predict = false;
	/* clang-format off */
	const struct wb_opt opts[] = {
		WB_DOUBLE("serial", &s, 0, 1, "fraction of the work done by one thread"),
		WB_INT("threads", &threads, 1, 256, "sweep from 1 thread up to this many"),
		WB_INT("units", &units, 1, 1000000, "units of work in all"),
		WB_INT("unit-size", &size, 1, 1000000000, "terms of i*i in one unit"),
		WB_INT("reps", &reps, 1, 1000, "timed runs per thread count, after a warm-up"),
		WB_CHOICE("engine", &engine, engines, "what runs the parallel part"),
		WB_FLAG("csv", &csv, "print CSV rows instead of prose"),
		WB_FLAG("predict", &predict, "only print what Amdahl and Gustafson predict"),
		WB_DOUBLE("karp-flatt", &speedup, 0.001, 1e6, "only print e for this speedup"),
		WB_OPT_END};
	/* clang-format on */
	wb_parse(argc, argv, "amdahl",
		 "Speedup of fixed work with a serial part, against Amdahl's "
		 "law.\n--predict and --karp-flatt S use --serial and "
		 "--threads, and run nothing.",
		 opts);
	if (predict && speedup > 0)
		wb_usage_error("--karp-flatt: give --predict or --karp-flatt, "
			       "not both");
	if (predict)
		print_predict(s, (int)threads, csv);
	else if (speedup > 0)
		print_karp_flatt(speedup, (int)threads, csv);
	else
		sweep(&(struct setup){.s = s,
				      .threads = (int)threads,
				      .reps = (int)reps,
				      .engine = engine,
				      .units = units,
				      .size = size,
				      .csv = csv});
	return 0;
}
