/* ipc.c: a parent sends frames to its child over a pipe, a socketpair and
 * a POSIX message queue, and the child checks every byte.
 * Run: make lab11 (or ARGS="--transport mqueue --chunk 7", "--demo
 * pointer", "--demo records", "--csv --transport pipe --size 65536").
 * Expect most reads to return fewer bytes than asked; only a reader that
 * reads on (read_full) gets every frame whole. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ipc.h"
#include "wb.h"

static const char *const demos[] = {"frames", "pointer", "records", NULL};
static const char *const transports[] = {"all", "pipe", "socketpair", "mqueue",
					 NULL};
static const char *const faults[] = {"none", "cut", "length", NULL};

static double mib_s(const struct plan *p, uint64_t ns)
{
	return (double)p->size * (double)p->count / (1 << 20) / (ns / 1e9);
}

/* check: ends the run with status 1 where the child's reader failed */
static void check(const struct plan *p, const struct result *r)
{
	const char *t = transport_names[p->t];
	if (r->status == FRAME_TOO_BIG)
		fprintf(stderr,
			"%s: %s: frame %ld: length %zu is above the "
			"limit of %zu bytes\n",
			wb_prog, t, r->frames, r->bad_len, p->size);
	else if (r->status == FRAME_CUT)
		fprintf(stderr,
			"%s: %s: frame %ld: the stream ended inside "
			"it, after %zu of its bytes\n",
			wb_prog, t, r->frames, r->bad_len);
	else if (r->status == FRAME_IO)
		fprintf(stderr, "%s: %s: frame %ld: read: %s\n", wb_prog, t,
			r->frames, strerror(r->err));
	if (r->status != FRAME_EOF)
		exit(1);
}

static void prose(const struct plan *p, const struct result *r)
{
	printf("  %-10s %ld of %ld frames whole and right; the child's %ld "
	       "reads: %ld returned fewer bytes than asked; %.1f MiB/s\n",
	       transport_names[p->t], r->intact, p->count, r->reads,
	       r->short_reads, mib_s(p, r->ns));
	if (r->bad_frame >= 0)
		printf("  %-10s frame %ld came as %zu bytes, not %zu "
		       "(%ld frames came, not %ld)\n",
		       "", r->bad_frame, r->bad_len, p->size, r->frames,
		       p->count);
	if (p->t == MQUEUE && p->size > r->piece)
		printf("  %-10s a message holds at most %zu bytes "
		       "(mq_msgsize): "
		       "a frame needs at least %zu messages\n",
		       "", r->piece,
		       (p->size + FRAME_HEAD + r->piece - 1) / r->piece);
}

static void csv_row(const struct plan *p, long reps)
{
	double v[100];
	transfer(p); /* warm-up */
	for (long i = 0; i < reps; i++) {
		struct result r = transfer(p);
		check(p, &r);
		if (r.intact != p->count) {
			fprintf(stderr,
				"%s: %s: frames came wrong: nothing "
				"to measure\n",
				wb_prog, transport_names[p->t]);
			exit(1);
		}
		v[i] = mib_s(p, r.ns);
	}
	struct wb_stats s = wb_stats_of(v, (int)reps);
	printf("%s,%zu,%ld,%zu,%ld,%.1f,%.1f,%.1f\n", transport_names[p->t],
	       p->size, p->count, p->chunk, reps, s.median, s.min, s.max);
}

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
			csv_row(&p, reps > 0 ? reps : 5);
			continue;
		}
		struct result r = transfer(&p);
		prose(&p, &r);
		check(&p, &r);
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
