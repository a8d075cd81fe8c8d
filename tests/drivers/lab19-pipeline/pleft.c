/* pleft.c: after a run, no thread of the pipeline is left in
 * /proc/self/task and its child process is reaped (waitpid finds no
 * child): with 1 word and 8 mappers and 8 reducers (most see no item, only
 * the end), and with 600 lines on 3 and 3. Prints "pleft: ok" last. */
#include "drv.h"

int main(void)
{
	int before = drv_begin("pleft");
	drv_deadline(2000, "a run did not end within 2 s: does the end of "
			   "input reach every thread of every stage?");
	struct config tiny = {
		.words = 1, .mappers = 8, .reducers = 8, .capacity = 1};
	struct config some = {
		.words = 8 * 600, .mappers = 3, .reducers = 3, .capacity = 2};
	struct config *cfgs[] = {&tiny, &some};
	for (int i = 0; i < 2; i++) {
		drv_reset();
		pipeline_init(&P, cfgs[i]);
		int rc = pipeline_run(&P);
		if (rc)
			drv_fail("the run failed in stage %d: %s", rc, P.error);
		drv_check_counts(i ? "600 lines" : "1 word");
		drv_nothing_left(before, i ? "600 lines on 3 mappers and 3 "
					     "reducers"
					   : "1 word on 8 mappers and 8 "
					     "reducers");
		pipeline_free(&P);
	}
	printf("threads: %d before and after; no child left\n", before);
	puts("pleft: ok");
	return 0;
}
