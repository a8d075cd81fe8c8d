/* show.c: one schedule run under the deterministic scheduler and printed
 * step by step, as the slot logged the steps. */
#include <stdio.h>

#include "explore.h"
#include "show.h"

/* Prints the steps of a run, one a line, as the slot logged them. */
static void print_steps(const struct slot *s)
{
	static const char *const what[] = {"check", "prepare", "claim",
					   "give up"};
	int n = s->nlog < SLOT_LOG ? s->nlog : SLOT_LOG;
	for (int i = 0; i < n; i++) {
		const struct slot_event *e = &s->log[i];
		printf("  %2d  %c  %s", i + 1, 'A' + e->thread, what[e->what]);
		if (e->what == SLOT_CHECK)
			printf("    sees the slot %s",
			       e->owner ? "taken" : "free");
		else if (e->what != SLOT_PREPARE)
			printf("%*sslot = %c", e->what == SLOT_CLAIM ? 4 : 2,
			       "", 'A' + e->owner - 1);
		printf("\n");
	}
	int w = slot_winners(s);
	printf("  %d thread%s think%s %s own%s the slot: %s\n", w,
	       w == 1 ? "" : "s", w == 1 ? "s" : "", w == 1 ? "it" : "they",
	       w == 1 ? "s" : "", w == 1 ? "right" : "FAILED");
}

bool show_followed(const struct slot *s, const int *sched, int len)
{
	if (s->nlog != len)
		return false;
	for (int i = 0; i < len; i++)
		if (s->log[i].thread != sched[i])
			return false;
	return true;
}

void show_schedule(const struct claim_test *c, const int *sched,
		   const char *name)
{
	struct slot s;
	char l[2 * EX_MAX_K + 1];
	int len = 2 * c->steps;
	ex_letters(sched, len, l);
	ex_run_slot(&s, c->fixed, c->steps, sched, c->progress);
	printf("%s %s (%d switches), step by step:\n", name, l,
	       ex_switches(sched, len));
	print_steps(&s);
	if (!show_followed(&s, sched, len))
		printf("  (the steps did not run in the scheduled order)\n");
	slot_destroy(&s);
}
