/* wordcount.c: lab19, a word count as a pipeline of stages joined by
 * bounded queues. Run: make lab19, or ARGS="--slow-stage 3 --delay-us 100".
 * It prints each stage's working and waiting time: the slowest stage sets
 * the pace, and no queue ever holds more than its capacity. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "wb.h"

static struct config cfg = {.words = 40000,
			    .mappers = 2,
			    .reducers = 2,
			    .capacity = 8,
			    .seed = 1,
			    .slow_stage = 4,
			    .delay_us = 200};
static bool csv;
static struct pipeline p;

/* The same text counted in one thread, with no queue: the reference. */
static bool same_as_one_thread(long *distinct)
{
	struct counts one;
	struct msg m;
	char err[ERR_MAX];
	bool same = true;
	counts_init(&one);
	for (long i = 0; i < p.lines; i++) {
		long left = cfg.words - i * WORDS_PER_LINE;
		text_line((uint64_t)cfg.seed, i, left < 8 ? (int)left : 8, &m,
			  err);
		clean_line(&m, err);
		count_line(&one, &m, err);
	}
	for (int s = 0; s < TABLE_SLOTS; s++) {
		const char *w = one.slots[s].word;
		int r = word_part(w, (int)cfg.reducers);
		if (w[0] && counts_of(&p.counts[r], w) != one.slots[s].count)
			same = false;
	}
	long n = 0;
	for (int r = 0; r < cfg.reducers; r++)
		n += p.counts[r].distinct;
	*distinct = one.distinct;
	counts_free(&one);
	return same && n == one.distinct;
}

/* One stage's times, its threads added up. */
static struct times stage_times(int stage, int *threads)
{
	struct times t = {0};
	*threads = 0;
	if (stage == 2) { /* the child's own account */
		*threads = 1;
		return p.child_t;
	}
	for (int i = 0; i < p.nw; i++)
		if (p.w[i].stage == stage) {
			t.busy += p.w[i].t.busy;
			t.wait_in += p.w[i].t.wait_in;
			t.wait_out += p.w[i].t.wait_out;
			t.items += p.w[i].t.items;
			++*threads;
		}
	return t;
}

static void report(void)
{
	double secs = (double)p.wall_ns / 1e9, rate = (double)p.lines / secs;
	int slowest = 1;
	double worst = -1;
	if (csv)
		printf("stage,name,threads,items,busy_ms,wait_in_ms,wait_out_"
		       "ms,busy_pct,alone_lines_per_s,pipeline_lines_per_s\n");
	else
		printf("%-16s %7s %6s %8s %13s %12s %5s %14s\n", "stage",
		       "threads", "items", "busy ms", "wait input ms",
		       "wait room ms", "busy", "alone lines/s");
	for (int s = 1; s <= STAGES; s++) {
		int n;
		struct times t = stage_times(s, &n);
		double all = (double)(t.busy + t.wait_in + t.wait_out);
		double pct = all > 0 ? 100.0 * (double)t.busy / all : 0;
		/* Never blocked, its threads would do lines at this rate. */
		double alone =
			t.busy ? (double)p.lines * n * 1e9 / (double)t.busy : 0;
		if (pct > worst) {
			worst = pct;
			slowest = s;
		}
		char name[32];
		snprintf(name, sizeof name, "%d %s%s", s, stage_names[s],
			 s == 2 ? " (child)" : "");
		if (csv)
			printf("%d,%s,%d,%ld,%.1f,%.1f,%.1f,%.0f,%.0f,%.0f\n",
			       s, stage_names[s], n, t.items, t.busy / 1e6,
			       t.wait_in / 1e6, t.wait_out / 1e6, pct, alone,
			       rate);
		else
			printf("%-16s %7d %6ld %8.0f %13.0f %12.0f %4.0f%% "
			       "%14.0f\n",
			       name, n, t.items, t.busy / 1e6, t.wait_in / 1e6,
			       t.wait_out / 1e6, pct, alone);
	}
	if (csv)
		return;
	printf("the pipeline: %ld lines in %.0f ms = %.0f lines/s, the pace "
	       "of its busiest stage: %d %s (busy %.0f%% of its time)\n",
	       p.lines, secs * 1e3, rate, slowest, stage_names[slowest], worst);
	printf("the most each queue ever held (capacity %ld):", cfg.capacity);
	printf(" read->clean %ld, clean->map %ld, map->reduce",
	       queue_max_depth(&p.q[QIN]), queue_max_depth(&p.q[QMAP]));
	for (int r = 0; r < cfg.reducers; r++)
		printf(" %ld", queue_max_depth(&p.q[QRED + r]));
	printf("\n");
	long distinct;
	bool same = same_as_one_thread(&distinct);
	printf("counted %ld words, %ld distinct: the same counts as one "
	       "thread without queues: %s\n",
	       cfg.words, distinct, same ? "yes" : "NO");
}

int main(int argc, char **argv)
{
	struct wb_opt opts[] = {
		WB_INT("words", &cfg.words, 1, 10000000, "words of text"),
		WB_INT("seed", &cfg.seed, 0, 2147483647, "the text's seed"),
		WB_INT("mappers", &cfg.mappers, 1, MAX_THREADS,
		       "threads of stage 3, map"),
		WB_INT("reducers", &cfg.reducers, 1, MAX_THREADS,
		       "threads of stage 4, reduce"),
		WB_INT("capacity", &cfg.capacity, 1, 100000,
		       "items each queue holds at most"),
		WB_INT("slow-stage", &cfg.slow_stage, 0, STAGES,
		       "this stage sleeps --delay-us per item (0: none)"),
		WB_INT("delay-us", &cfg.delay_us, 0, 100000,
		       "the slow stage's sleep per item"),
		WB_INT("fail-stage", &cfg.fail_stage, 0, STAGES,
		       "this stage fails on the middle line (0: none)"),
		WB_FLAG("csv", &csv, "print one CSV row per stage"),
		WB_OPT_END,
	};
	wb_parse(argc, argv, "wordcount",
		 "a word count through a pipeline of stages and bounded queues",
		 opts);
	if (!csv)
		printf("%ld words (%ld lines of 8, seed %ld) through 4 stages: "
		       "read, clean (a child process), %ld mappers, %ld "
		       "reducers; queues of %ld\n",
		       cfg.words, (cfg.words + 7) / 8, cfg.seed, cfg.mappers,
		       cfg.reducers, cfg.capacity);
	if (!csv && cfg.slow_stage && cfg.delay_us)
		printf("stage %ld (%s) sleeps %ld us per item (--slow-stage "
		       "%ld --delay-us %ld)\n",
		       cfg.slow_stage, stage_names[cfg.slow_stage],
		       cfg.delay_us, cfg.slow_stage, cfg.delay_us);
	fflush(stdout); /* before the fork: the child must not print it too */
	pipeline_init(&p, &cfg);
	wb_watchdog_start(1000, &p.progress, pipeline_report, &p);
	int failed = pipeline_run(&p);
	wb_watchdog_stop();
	if (failed) {
		fprintf(stderr, "wordcount: stage %d failed: %s\n", failed,
			p.error);
		pipeline_free(&p);
		return 1;
	}
	report();
	pipeline_free(&p);
	return 0;
}
