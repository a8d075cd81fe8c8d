/* pfail.c: for each stage K in turn (read, clean, map, reduce), a failure
 * injected into K's work (its 20th item) stops the whole pipeline, whose
 * input would otherwise last for minutes: pipeline_run returns K with that
 * stage's message, every thread is joined and the child reaped, and a
 * later failure does not replace the first. Prints "pfail: ok" last. */
#include "drv.h"

static void check(int k, int before)
{
	char why[160];
	snprintf(why, sizeof why,
		 "a failure in stage %d (%s) did not stop the pipeline within "
		 "0.6 s: pipeline_fail must shut down every queue",
		 k, stage_names[k]);
	drv_deadline(600, why);
	drv_reset();
	fail_stage = k;
	struct config cfg = {
		.words = 80000000, .mappers = 2, .reducers = 2, .capacity = 4};
	pipeline_init(&P, &cfg);
	int rc = pipeline_run(&P);
	char want[ERROR_MAX];
	snprintf(want, sizeof want, "%s: driver: injected failure in %s",
		 stage_names[k], stage_names[k]);
	if (rc != k || P.failed != k)
		drv_fail("stage %d failed: pipeline_run returned %d (failed "
			 "%d), expected %d",
			 k, rc, P.failed, k);
	if (strcmp(P.error, want) != 0)
		drv_fail("the error is \"%s\", expected \"%s\"", P.error, want);
	snprintf(why, sizeof why, "after a failure in stage %d", k);
	drv_nothing_left(before, why);
	pipeline_fail(&P, k % STAGES + 1, "a later failure");
	if (P.failed != k || strcmp(P.error, want) != 0)
		drv_fail("a later failure replaced the first: now %d, \"%s\"",
			 P.failed, P.error);
	printf("stage %d failed on its item %d: \"%s\"; all stopped, joined "
	       "and reaped\n",
	       k, FAIL_AT, P.error);
	pipeline_free(&P);
}

int main(void)
{
	int before = drv_begin("pfail");
	for (int k = 1; k <= STAGES; k++)
		check(k, before);
	puts("pfail: ok");
	return 0;
}
