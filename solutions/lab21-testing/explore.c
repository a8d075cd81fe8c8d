/* explore.c: enumerating interleavings, and a seed's schedule. */
#include "explore.h"
#include "ds.h"
#include "yield.h"

long ex_count(int k)
{
	long c = 1;
	for (int i = 1; i <= k; i++) /* C(2k, k) = prod (k + i) / i */
		c = c * (k + i) / i;
	return c;
}

struct walk {
	int k, len, left[2];
	int sched[2 * EX_MAX_K];
	long count;
	void (*each)(const int *sched, int len, void *arg);
	void *arg;
};

/* Fills position pos with each thread that has steps left, A first. */
static void walk(struct walk *w, int pos)
{
	if (pos == w->len) {
		w->count++;
		w->each(w->sched, w->len, w->arg);
		return;
	}
	for (int t = 0; t < 2; t++) {
		if (!w->left[t])
			continue;
		w->left[t]--;
		w->sched[pos] = t;
		walk(w, pos + 1);
		w->left[t]++;
	}
}

long ex_enumerate(int k, void (*each)(const int *sched, int len, void *arg),
		  void *arg)
{
	struct walk w = {
		.k = k, .len = 2 * k, .left = {k, k}, .each = each, .arg = arg};
	walk(&w, 0);
	return w.count;
}

void ex_nth(int k, long index, int *sched)
{
	/* Dictionary order: A at a position comes first, followed by all
	 * C(rest, A's left - 1) ways to finish; skip them if index is past. */
	int left[2] = {k, k};
	for (int pos = 0; pos < 2 * k; pos++) {
		long with_a = 0;
		if (left[0]) { /* C(a - 1 + b, b) ways to finish after an A */
			int a = left[0] - 1, b = left[1];
			with_a = 1;
			for (int i = 1; i <= b; i++)
				with_a = with_a * (a + i) / i;
		}
		if (index <= with_a) {
			sched[pos] = 0;
			left[0]--;
		} else {
			index -= with_a;
			sched[pos] = 1;
			left[1]--;
		}
	}
}

void ex_seed_schedule(uint64_t seed, int k, int *sched)
{
	uint64_t rng = seed;
	int left[2] = {k, k};
	int t = (int)(yield_rand(&rng) % 2);
	for (int pos = 0; pos < 2 * k; pos++) {
		if (!left[t] || (left[!t] && yield_rand(&rng) % 3 == 0))
			t = !t;
		sched[pos] = t;
		left[t]--;
	}
}

int ex_switches(const int *sched, int len)
{
	int n = 0;
	for (int i = 1; i < len; i++)
		n += sched[i] != sched[i - 1];
	return n;
}

void ex_letters(const int *sched, int len, char *out)
{
	for (int i = 0; i < len; i++)
		out[i] = (char)('A' + sched[i]);
	out[len] = '\0';
}

struct claim_run {
	struct slot *s;
	bool fixed;
	int k;
};

static void claim(int id, void *arg)
{
	struct claim_run *c = arg;
	if (c->fixed)
		slot_claim_fixed(c->s, id, c->k);
	else
		slot_claim_racy(c->s, id, c->k);
}

int ex_run_slot(struct slot *s, bool fixed, int k, const int *sched,
		atomic_long *progress)
{
	struct claim_run c = {s, fixed, k};
	slot_init(s);
	ds_run(SLOT_THREADS, claim, &c, sched, 2 * k);
	atomic_fetch_add(progress, 1);
	return slot_winners(s);
}
