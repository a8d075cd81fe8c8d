/* dchoose.c MODE: pin_choose on CPU sets made up here, whatever this
 * machine has: {0}, {1}, {5}, {3, 5, 9}, {1, 2}, 0-7, every other CPU of
 * 2-62, {1023}. same: one allowed CPU for every index; spread: the first
 * `count` indices get every allowed CPU once, and each further round of
 * `count` indices again; both: -1 for PIN_NONE and for an empty set.
 * Run by tests/lab17-oversubscription.bats; prints "dchoose: ok" last. */
#define _GNU_SOURCE /* cpu_set_t */
#include <stdbool.h>
#include <string.h>

#include "pin.h"
#include "verdict.h"

static void describe(const cpu_set_t *set, char *buf, size_t size)
{
	char list[256];
	pin_list(set, list, sizeof list);
	snprintf(buf, size, "{%s}", list);
}

static void check_same(const cpu_set_t *set, const char *name)
{
	int n = CPU_COUNT(set), first = pin_choose(set, PIN_SAME, 0);
	if (first < 0 || first >= CPU_SETSIZE || !CPU_ISSET(first, set))
		drv_fail(
			"allowed %s: PIN_SAME, index 0 gave %d, not an allowed "
			"CPU",
			name, first);
	for (int i = 1; i < 3 * n + 4; i++) {
		int c = pin_choose(set, PIN_SAME, i);
		if (c != first)
			drv_fail("allowed %s: PIN_SAME gave %d for index 0 and "
				 "%d for index %d: not one CPU for all",
				 name, first, c, i);
	}
}

static void check_spread(const cpu_set_t *set, const char *name)
{
	static int uses[CPU_SETSIZE];
	int n = CPU_COUNT(set);
	memset(uses, 0, sizeof uses);
	for (int i = 0; i < 3 * n; i++) {
		int c = pin_choose(set, PIN_SPREAD, i);
		if (c < 0 || c >= CPU_SETSIZE || !CPU_ISSET(c, set))
			drv_fail("allowed %s: PIN_SPREAD, index %d gave %d, "
				 "not an allowed CPU",
				 name, i, c);
		uses[c]++;
		/* After every round of n indices, each CPU once more. */
		if ((i + 1) % n == 0)
			for (int k = 0; k < CPU_SETSIZE; k++)
				if (CPU_ISSET(k, set) && uses[k] != (i + 1) / n)
					drv_fail("allowed %s: PIN_SPREAD, "
						 "indices 0 to %d put %d "
						 "threads on CPU %d, expected "
						 "%d on each allowed CPU",
						 name, i, uses[k], k,
						 (i + 1) / n);
	}
}

int main(int argc, char **argv)
{
	drv_name = "dchoose";
	if (argc != 2 || (strcmp(argv[1], "same") && strcmp(argv[1], "spread")))
		drv_fail("usage: dchoose same|spread");
	bool same = !strcmp(argv[1], "same");
	static const int lists[][9] = {
		{0, -1},       {1, -1},    {5, -1},
		{3, 5, 9, -1}, {1, 2, -1}, {0, 1, 2, 3, 4, 5, 6, 7, -1},
		{1023, -1},
	};
	int nsets = (int)(sizeof lists / sizeof lists[0]);
	for (int s = 0; s <= nsets; s++) {
		cpu_set_t set;
		char name[300];
		CPU_ZERO(&set);
		if (s == nsets) /* every other CPU, 2 to 62 */
			for (int c = 2; c <= 62; c += 2)
				CPU_SET(c, &set);
		else
			for (int k = 0; lists[s][k] >= 0; k++)
				CPU_SET(lists[s][k], &set);
		describe(&set, name, sizeof name);
		for (int i = 0; i < 5; i++)
			if (pin_choose(&set, PIN_NONE, i) != -1)
				drv_fail("allowed %s: PIN_NONE must give -1 "
					 "(not pinned)",
					 name);
		if (same)
			check_same(&set, name);
		else
			check_spread(&set, name);
		printf("allowed %s: %s ok\n", name, argv[1]);
	}
	cpu_set_t none;
	CPU_ZERO(&none);
	if (pin_choose(&none, same ? PIN_SAME : PIN_SPREAD, 0) != -1)
		drv_fail("an empty set must give -1: no CPU to pin to");
	printf("dchoose: ok\n");
	return 0;
}
