/* perror.c: a task that fails hands its error code and message to its
 * future (Python: the exception, raised at result()); the other tasks
 * complete, and the pool goes on taking tasks. Prints "perror: ok" last. */
#include "drv.h"

#define N 12

static void task(void *arg, struct outcome *out)
{
	long i = (long)(intptr_t)arg;
	drv_on_worker();
	if (i % 4 == 3) {
		out->err = EDOM;
		snprintf(out->msg, sizeof out->msg, "task %ld: no root of -%ld",
			 i, i);
		return;
	}
	out->value = i + 100;
}

/* Submits N tasks on p and checks every future. */
static void round_of(struct pool *p, const char *when)
{
	struct future *fs[N];
	for (long i = 0; i < N; i++)
		if (!(fs[i] = pool_submit(p, task, (void *)(intptr_t)i)))
			drv_fail("%s: pool_submit returned NULL", when);
	for (long i = 0; i < N; i++) {
		char what[80], msg[40];
		snprintf(what, sizeof what, "%s: task %ld", when, i);
		drv_expect(fs[i], i % 4 == 3 ? EDOM : 0, i + 100, what);
		snprintf(msg, sizeof msg, "task %ld: no root of -%ld", i, i);
		if (i % 4 == 3 && strcmp(future_error(fs[i]), msg) != 0)
			drv_fail("%s: its message is '%s', expected '%s'", what,
				 future_error(fs[i]), msg);
		future_free(fs[i]);
	}
	printf("%s: %d tasks, 3 failed with their own error and message, "
	       "%d succeeded\n",
	       when, N, N - 3);
}

int main(void)
{
	drv_begin("perror");
	drv_deadline(3000, 1,
		     "still waiting after 3 s: a failing task must still set "
		     "its future, and the workers must go on");
	struct pool p;
	pool_init(&p, 2, 4);
	round_of(&p, "first round");
	round_of(&p, "after the failures");
	pool_shutdown(&p, true, false);
	pool_free(&p);
	puts("perror: ok");
	return 0;
}
