/* records.c: --demo records. What serializing costs: records encoded to
 * text and decoded back (the job pickle or json does in Python), timed
 * against copying their raw bytes. Raw bytes are cheap but mean the same
 * only to a program with the same struct layout; an encoding is portable
 * and checkable, and costs time on both sides. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipc.h"
#include "wb.h"

struct record {
	int id;
	double x, y;
	char name[12];
};

struct job {
	struct record *in, *out;
	char *text;
	size_t n, text_len;
};

static double copy_raw(void *arg)
{
	struct job *j = arg;
	uint64_t t0 = wb_now_ns();
	memcpy(j->out, j->in, j->n * sizeof *j->in);
	return (double)(wb_now_ns() - t0);
}

/* encode and decode: one line of text a record; %a keeps doubles exact */
static double text_round_trip(void *arg)
{
	struct job *j = arg;
	uint64_t t0 = wb_now_ns();
	char *p = j->text;
	for (size_t i = 0; i < j->n; i++)
		p += sprintf(p, "%d %a %a %s\n", j->in[i].id, j->in[i].x,
			     j->in[i].y, j->in[i].name);
	j->text_len = (size_t)(p - j->text);
	p = j->text;
	for (size_t i = 0; i < j->n; i++) {
		struct record *r = &j->out[i];
		r->id = (int)strtol(p, &p, 10);
		r->x = strtod(p, &p);
		r->y = strtod(p, &p);
		p++; /* the space before the name */
		size_t k = strcspn(p, "\n");
		memcpy(r->name, p, k);
		r->name[k] = '\0';
		p += k + 1;
	}
	return (double)(wb_now_ns() - t0);
}

static bool same(const struct record *a, const struct record *b)
{
	return a->id == b->id && a->x == b->x && a->y == b->y &&
	       strcmp(a->name, b->name) == 0;
}

void demo_records(long count)
{
	struct job j = {.n = (size_t)count};
	j.in = wb_alloc(j.n * sizeof *j.in);
	j.out = wb_alloc(j.n * sizeof *j.out);
	j.text = wb_alloc(j.n * 96); /* a line is at most 86 bytes */
	for (size_t i = 0; i < j.n; i++) {
		j.in[i] = (struct record){.id = (int)i,
					  .x = i / 3.0,
					  .y = -1.0 / (double)(i + 1)};
		snprintf(j.in[i].name, sizeof j.in[i].name, "rec%d",
			 (int)(i % 100000000));
	}
	struct wb_stats raw = wb_measure(copy_raw, &j, 1, 5);
	struct wb_stats text = wb_measure(text_round_trip, &j, 1, 5);
	for (size_t i = 0; i < j.n; i++)
		if (!same(&j.in[i], &j.out[i]))
			wb_die("records: a decoded record differs", EPROTO);
	double mib = (double)(j.n * sizeof *j.in) / (1 << 20);
	printf("%zu records of %zu bytes (%.1f MiB), median of 5 runs:\n", j.n,
	       sizeof *j.in, mib);
	printf("  raw copy          %8.2f ms\n", raw.median / 1e6);
	printf("  text round trip   %8.2f ms (%.1f MiB of text, encoded and "
	       "decoded): %.0f times the copy\n",
	       text.median / 1e6, (double)j.text_len / (1 << 20),
	       text.median / raw.median);
	printf("the copy is cheap, but its bytes mean a record only to a "
	       "program with this very struct\n");
	free(j.in);
	free(j.out);
	free(j.text);
}
