/* tree.c: the tree of tasks. Each task spawns its two parts and returns at
 * once (no join): a leaf adds its value to its worker's own sum, and the
 * sums are added up after sched_run. 2N - 1 tasks for N leaves. */
#include "tree.h"
#include "wb.h"

enum shape tree_shape = SKEWED;
uint64_t tree_grain = 2000;

long tree_split(long lo, long hi)
{
	long n = hi - lo;
	if (tree_shape == BALANCED)
		return lo + n / 2;
	return lo + (n / 8 > 0 ? n / 8 : 1); /* the small part first */
}

long tree_leaf(long i)
{
	/* wb_burn is a sum of squares, never UINT64_MAX: this keeps the
	 * work without changing the value. */
	return i + (wb_burn(tree_grain) == UINT64_MAX);
}

void tree_task(struct worker *w, long lo, long hi)
{
	if (hi - lo == 1) {
		w->value += tree_leaf(lo);
		return;
	}
	long mid = tree_split(lo, hi);
	/* The big part goes in last: the owner pops it next (LIFO) and a
	 * thief steals the oldest, small part only after the older big
	 * ones higher up the tree. */
	sched_spawn(w, tree_task, lo, mid);
	sched_spawn(w, tree_task, mid, hi);
}

long tree_expected(long leaves)
{
	return leaves * (leaves - 1) / 2;
}
