/* runs.c: the lab's engine with the tree's dispatcher: every task runs
 * exactly once (run_task is wrapped and counted), ceil(n / k) chunks for
 * schedule(dynamic, k), and the outcome's counts are right.
 * Prints "runs: ok" last. */
#include "drv.h"
#include "granularity.h"

static atomic_int *ran; /* how often each task ran */

uint64_t __real_run_task(const struct job *j, long i);
uint64_t __wrap_run_task(const struct job *j, long i);

uint64_t __wrap_run_task(const struct job *j, long i)
{
	if (i < 0 || i >= j->tasks)
		drv_fail("task %ld run: there are only %ld", i, j->tasks);
	atomic_fetch_add(&ran[i], 1);
	return __real_run_task(j, i);
}

static void check(const struct job *j, int w, enum schedule s, long k)
{
	struct outcome o;
	for (long i = 0; i < j->tasks; i++)
		atomic_store(&ran[i], 0);
	run_lab(j, w, s, k, &o);
	const char *name = s == GUIDED ? "guided" : "dynamic";
	for (long i = 0; i < j->tasks; i++)
		if (atomic_load(&ran[i]) != 1)
			drv_fail("%s, chunk %ld, %d workers: task %ld ran %d "
				 "times",
				 name, k, w, i, atomic_load(&ran[i]));
	long want = (j->tasks + k - 1) / k;
	if (o.done != j->tasks)
		drv_fail("%s, chunk %ld: the outcome says %ld tasks done, "
			 "expected %ld",
			 name, k, o.done, j->tasks);
	if (s == DYNAMIC && o.chunks != want)
		drv_fail("%s, chunk %ld: %ld chunks handed out for %ld tasks, "
			 "expected ceil(%ld / %ld) = %ld",
			 name, k, o.chunks, j->tasks, j->tasks, k, want);
	printf("runs: %s, chunk %ld, %d workers: %ld tasks once each, %ld "
	       "chunks\n",
	       name, k, w, o.done, o.chunks);
}

int main(void)
{
	drv_begin("runs");
	struct job j;
	job_init(&j, 3001, 0, 5);
	ran = calloc((size_t)j.tasks, sizeof *ran);
	check(&j, 3, DYNAMIC, 1);
	check(&j, 3, DYNAMIC, 7);
	check(&j, 4, DYNAMIC, 5000);
	check(&j, 3, GUIDED, 5);
	job_free(&j);
	free(ran);
	puts("runs: ok");
	return 0;
}
