/* wbtest.c: drives every part of common/ for tests/common.bats.
 * Each option exercises one part and prints what it got, so the tests can
 * compare it with values worked out by hand. */
#include <stdbool.h>
#include <stdio.h>

#include "wb.h"

static const char *const colors[] = {"red", "green", NULL};
static atomic_long progress;

static void say_stuck(FILE *out, void *arg)
{
	fprintf(out, "wbtest: %s\n", (const char *)arg);
}

static void *bump(void *arg)
{
	atomic_fetch_add((atomic_long *)arg, 1);
	return NULL;
}

static void stats_cases(void)
{
	double odd[] = {5, 1, 3}, even[] = {4, 1, 3, 2}, one[] = {7};
	struct wb_stats a = wb_stats_of(odd, 3), b = wb_stats_of(even, 4),
			c = wb_stats_of(one, 1);
	printf("odd %g %g %g\neven %g %g %g\none %g %g %g\n", a.median, a.min,
	       a.max, b.median, b.min, b.max, c.median, c.min, c.max);
}

int main(int argc, char **argv)
{
	long count = 1, stall = 0, team = 0, offset = 0;
	double ratio = 0.5, scale = 1;
	int color = 0;
	bool verbose = false, stats = false, machine = false, burn = false;
	const struct wb_opt opts[] = {
		WB_INT("count", &count, 1, 100, "a small count"),
		WB_DOUBLE("ratio", &ratio, 0, 1, "a fraction"),
		WB_INT("offset", &offset, -5, 5, "a range below zero"),
		WB_DOUBLE("scale", &scale, 0.001, 1234567.5,
			  "a range of odd ends"),
		WB_CHOICE("color", &color, colors, "a colour"),
		WB_FLAG("verbose", &verbose, "a flag"),
		WB_INT("stall", &stall, 1, 10000,
		       "stall, watched for this many ms"),
		WB_INT("team", &team, 1, 64,
		       "threads that each bump a counter"),
		WB_FLAG("stats", &stats,
			"print median, min and max of known arrays"),
		WB_FLAG("machine", &machine, "print the machine facts"),
		WB_FLAG("burn", &burn, "print wb_burn(10)"),
		WB_OPT_END};
	wb_parse(argc, argv, "wbtest", "Exercises common/.", opts);

	if (stall) {
		wb_watchdog_start(stall, &progress, say_stuck, "nobody moves");
		for (;;)
			wb_sleep_ns(1000000000);
	}
	if (team) {
		atomic_long hits = 0;
		wb_team_run((int)team, bump, &hits, 0);
		printf("team %ld\n", atomic_load(&hits));
	}
	if (stats)
		stats_cases();
	if (machine)
		printf("cpus %d\nline %ld\nmachine %s\n", wb_cpus(),
		       wb_cache_line(), wb_machine());
	if (burn)
		printf("burn %llu\n", (unsigned long long)wb_burn(10));
	printf("count %ld ratio %g color %s verbose %d\n", count, ratio,
	       colors[color], verbose);
	if (offset || scale != 1)
		printf("offset %ld scale %g\n", offset, scale);
	return 0;
}
