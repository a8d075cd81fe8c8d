/* ipc.c: a parent sends frames to its child over a pipe, a socketpair and
 * a POSIX message queue, and the child checks every byte.
 * Run: make lab11 (or ARGS="--transport mqueue --chunk 7", "--demo
 * pointer", "--demo records", "--csv --transport pipe --size 65536").
 * Expect most reads to return fewer bytes than asked; only a reader that
 * reads on (read_full) gets every frame whole. */
#include <stdbool.h>
#include <stdio.h>

#include "ipc.h"
#include "wb.h"

static const char *const demos[] = {"frames", "pointer", "records", NULL};
static const char *const transports[] = {"all", "pipe", "socketpair", "mqueue",
					 NULL};
static const char *const faults[] = {"none", "cut", "length", NULL};

int main(int argc, char **argv)
{
	int demo = 0, which = -1, fault = -1; /* -1: not given */
	long size = -1, count = -1, chunk = -1, reps = -1;
	bool csv = false;
	const struct wb_opt opts[] = {
		WB_CHOICE("demo", &demo, demos, "what to show"),
		WB_CHOICE("transport", &which, transports,
			  "the channel (default all)"),
		WB_INT("size", &size, 0, 1 << 24,
		       "bytes per frame (default 1 MiB)"),
		WB_INT("count", &count, 1, 1000000,
		       "frames per transfer (default 8)"),
		WB_INT("chunk", &chunk, 0, 1 << 24,
		       "the writer sends in pieces of this many bytes (0: "
		       "none)"),
		WB_INT("reps", &reps, 1, 100,
		       "--csv: timed transfers after a warm-up (default 5)"),
		WB_CHOICE("fault", &fault, faults,
			  "the writer spoils its last frame"),
		WB_FLAG("csv", &csv, "print CSV: transport,size,count,..."),
		WB_OPT_END};
	wb_parse(argc, argv, "ipc",
		 "Frames from a parent to its child: pipe, socketpair, mqueue.",
		 opts);
	if (demo && (which >= 0 || fault >= 0 || size >= 0 || count >= 0 ||
		     chunk >= 0 || reps >= 0 || csv))
		wb_usage_error("--demo: %s takes no other option", demos[demo]);
	if (reps > 0 && !csv)
		wb_usage_error("--reps: only goes with --csv");
	if (csv && fault > 0)
		wb_usage_error("--fault: a spoilt transfer is not measured");
	if (demo == 1)
		demo_pointer();
	if (demo == 2)
		demo_records(30000);
	if (demo)
		return 0;

	which = which < 0 ? 0 : which;
	size = size < 0 ? 1 << 20 : size;
	count = count < 0 ? 8 : count;
	chunk = chunk < 0 ? 0 : chunk;
	cleanup_on_signals();
	wb_watchdog_start(5000, &ipc_progress, NULL, NULL);
	struct plan p = {.size = (size_t)size,
			 .count = count,
			 .chunk = (size_t)chunk,
			 .fault = fault < 0 ? 0 : fault};
	if (csv)
		printf("transport,size,count,chunk,reps,median_mib_s,min_mib_s,"
		       "max_mib_s\n");
	else
		printf("parent -> child: %ld frames of %ld bytes, %s\n", count,
		       size,
		       chunk ? "written in pieces" : "each written whole");
	bool whole = true;
	for (int t = 0; t < TRANSPORTS; t++) {
		if (which && which - 1 != t)
			continue;
		p.t = t;
		if (csv) {
			report_csv(&p, reps > 0 ? reps : 5);
			continue;
		}
		struct result r = transfer(&p);
		report_prose(&p, &r);
		report_check(&p, &r);
		whole &= r.intact == count;
	}
	wb_watchdog_stop();
	if (!csv)
		printf("%s\n", whole ? "every frame came whole, though reads "
				       "came short: read_full read on"
				     : "frames came cut or merged: one read is "
				       "not one frame");
	return 0;
}
