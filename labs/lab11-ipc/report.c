/* report.c: what ipc says about a transfer: a line of prose, or a CSV row
 * of timed transfers; and where the child's reader failed, why, on stderr,
 * ending the run with status 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipc.h"
#include "wb.h"

static double mib_s(const struct plan *p, uint64_t ns)
{
	return (double)p->size * (double)p->count / (1 << 20) / (ns / 1e9);
}

/* Ends the run with status 1 where the child's reader failed. */
void report_check(const struct plan *p, const struct result *r)
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

void report_prose(const struct plan *p, const struct result *r)
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
		       "(mq_msgsize): a frame needs at least %zu messages\n",
		       "", r->piece,
		       (p->size + FRAME_HEAD + r->piece - 1) / r->piece);
}

void report_csv(const struct plan *p, long reps)
{
	double v[100];
	transfer(p); /* warm-up */
	for (long i = 0; i < reps; i++) {
		struct result r = transfer(p);
		report_check(p, &r);
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
