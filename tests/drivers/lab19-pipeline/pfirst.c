/* pfirst.c: pipeline_fail on its own, on a pipeline that is not running:
 * it keeps the first failure's stage and message ("NAME: message"), and it
 * shuts down every queue, so that a put and a get on any of them return
 * false at once (a get even while the queue holds an item). Prints
 * "pfirst: ok" last. */
#include "drv.h"

int main(void)
{
	drv_begin("pfirst");
	drv_deadline(1000, "a put or a get still waited after pipeline_fail: "
			   "it must shut down every queue");
	struct config cfg = {
		.words = 100, .mappers = 1, .reducers = 3, .capacity = 1};
	pipeline_init(&P, &cfg);
	struct msg m = {.seq = 7, .n = 1, .text = "word"};
	for (int i = 0; i < P.nq; i++)
		if (!queue_put(&P.q[i], &m))
			drv_fail("queue %d refused a put before any failure",
				 i);
	pipeline_fail(&P, 3, "first");
	pipeline_fail(&P, 1, "second");
	if (P.failed != 3 || strcmp(P.error, "map: first") != 0)
		drv_fail("after failures in stage 3 (\"first\") then 1 "
			 "(\"second\"): failed %d, error \"%s\"; expected 3 "
			 "and \"map: first\"",
			 P.failed, P.error);
	for (int i = 0; i < P.nq; i++) {
		if (queue_get(&P.q[i], &m))
			drv_fail("queue %d still handed out an item after "
				 "pipeline_fail: use queue_shutdown, not "
				 "queue_close",
				 i);
		if (queue_put(&P.q[i], &m))
			drv_fail("queue %d took a put after pipeline_fail", i);
	}
	pipeline_free(&P);
	printf("the first failure kept; all %d queues shut down\n", 2 + 3);
	puts("pfirst: ok");
	return 0;
}
