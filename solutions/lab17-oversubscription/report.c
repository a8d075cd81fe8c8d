/* report.c: each demo run reps times, the median reported, with the
 * context switches (getrusage) that the run cost. */
#define _GNU_SOURCE /* cpu_set_t */
#include <stdio.h>

#include "pingpong.h"
#include "report.h"
#include "wb.h"

const char *const pin_names[] = {"none", "same", "spread"};

void csv_row(const char *demo, const char *variant, int pin, long threads,
	     int ncpus, const struct row *r)
{
	printf("%s,%s,%s,%ld,%d,%.1f,%.1f,%.1f,%.3f,%ld,%ld\n", demo, variant,
	       pin_names[pin], threads, ncpus, r->ops.median, r->ops.min,
	       r->ops.max, 1e6 / r->ops.median, r->voluntary, r->involuntary);
}

static void cpus_seen(uint64_t m, char *buf, size_t size)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	for (int c = 0; c < 64; c++)
		if (m >> c & 1)
			CPU_SET(c, &set);
	pin_list(&set, buf, size);
}

static void one_pong(const struct setup *s, bool procs, int pin)
{
	double v[50];
	struct pong_result res[50];
	for (int i = 0; i < s->reps; i++) {
		res[i] = pingpong(procs, s->allowed, pin, s->rounds);
		v[i] = 1e9 / res[i].ns_per_round;
		atomic_fetch_add(&oversub_progress, 1);
	}
	struct row r = {.ops = wb_stats_of(v, (int)s->reps)};
	/* The run whose speed is the median: its counts go with it. */
	struct pong_result *m = &res[0];
	for (int i = 0; i < s->reps; i++)
		if (1e9 / res[i].ns_per_round == r.ops.median)
			m = &res[i];
	r.voluntary = m->ping.voluntary + m->pong.voluntary;
	r.involuntary = m->ping.involuntary + m->pong.involuntary;
	const char *what = procs ? "processes" : "threads";
	if (s->csv) {
		csv_row("pingpong", what, pin, 2, s->ncpus, &r);
		return;
	}
	char a[64], b[64], pa[16] = "none", pb[16] = "none";
	int ca = pin_choose(s->allowed, pin, 0),
	    cb = pin_choose(s->allowed, pin, 1);
	if (ca >= 0)
		snprintf(pa, sizeof pa, "%d", ca);
	if (cb >= 0)
		snprintf(pb, sizeof pb, "%d", cb);
	cpus_seen(m->ping.cpus, a, sizeof a);
	cpus_seen(m->pong.cpus, b, sizeof b);
	printf("  %s, %s: pinned to CPUs %s | %s, ran on %s | %s; %ld rounds, "
	       "%ld answered\n",
	       what, pin_names[pin], pa, pb, a, b, m->ping.rounds,
	       m->pong.rounds);
	printf("    %.1f us a round trip; %ld context switches (%ld "
	       "voluntary, %ld involuntary)\n",
	       m->ns_per_round / 1e3, r.voluntary + r.involuntary, r.voluntary,
	       r.involuntary);
}

void report_pingpong(const struct setup *s)
{
	if (!s->csv)
		printf("pingpong: a byte there and back over two pipes, %ld "
		       "rounds, median of %ld; CPUs allowed: %s\n",
		       s->rounds, s->reps, s->cpulist);
	if (!s->csv && s->ncpus == 1 && s->pin != PIN_SAME &&
	    s->pin != PIN_NONE)
		printf("  spread: only 1 CPU allowed (%s): both sides share "
		       "it\n",
		       s->cpulist);
	/* Without --pin: on one CPU, then on two. */
	int first = s->pin == -1 ? PIN_SAME : s->pin;
	int last = s->pin == -1 ? PIN_SPREAD : s->pin;
	for (int procs = 0; procs < 2; procs++)
		for (int pin = first; pin <= last; pin++)
			one_pong(s, procs, pin);
	if (!s->csv)
		printf("  each round trip is 2 context switches, one a side; "
		       "on one CPU they are all it costs,\n  spread over "
		       "two each wake-up must also reach the other CPU\n");
}
