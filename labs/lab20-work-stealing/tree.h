/* tree.h: the work: a tree sum over the leaves 0..N-1. A task owns a range
 * of leaves; a range of one leaf computes, a longer one spawns two tasks,
 * one per part. Balanced splits in the middle; skewed splits off an eighth,
 * so one side is seven times the other and the tree is deep on one side. */
#ifndef TREE_H
#define TREE_H

#include <stdint.h>

#include "scheduler.h"

enum shape { BALANCED, SKEWED };

extern enum shape tree_shape;
extern uint64_t tree_grain; /* wb_burn's n for one leaf's work */

/* Where the range [lo, hi) (two leaves or more) is split. */
long tree_split(long lo, long hi);
/* One leaf's work; returns its value, i. */
long tree_leaf(long i);
/* The task for [lo, hi): adds its leaves' values to w->value. */
void tree_task(struct worker *w, long lo, long hi);
/* What every strategy must get: 0 + 1 + ... + (leaves - 1). */
long tree_expected(long leaves);

#endif
