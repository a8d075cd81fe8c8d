/* job.c: the tasks. Task i computes (wb_burn) for task_ns * weight(i) ns,
 * with weight(i) falling in a straight line from 1 + skew (task 0) to 1
 * (the last task): skewed work puts the heavy tasks first, like the rows of
 * a triangular matrix. */
#include <stdlib.h>

#include "granularity.h"
#include "wb.h"

static double weight(const struct job *j, long i)
{
	if (j->tasks == 1)
		return 1;
	return 1 +
	       j->skew * (double)(j->tasks - 1 - i) / (double)(j->tasks - 1);
}

/* wb_burn steps per ns of this CPU: the fastest of 5 tries. */
static double steps_per_ns(void)
{
	uint64_t n = 1u << 20, best = UINT64_MAX;
	for (int i = 0; i < 5; i++) {
		uint64_t t0 = wb_thread_cpu_ns();
		if (wb_burn(n) == 1)
			abort(); /* never: keeps the call */
		uint64_t t = wb_thread_cpu_ns() - t0;
		best = t < best ? t : best;
	}
	return (double)n / (double)(best ? best : 1);
}

void job_init(struct job *j, long tasks, long task_ns, double skew)
{
	*j = (struct job){.tasks = tasks, .task_ns = task_ns, .skew = skew};
	j->steps = wb_alloc((size_t)tasks * sizeof *j->steps);
	double rate = task_ns ? steps_per_ns() : 0;
	for (long i = 0; i < tasks; i++)
		j->steps[i] =
			(uint64_t)(rate * (double)task_ns * weight(j, i) + 0.5);
}

void job_free(struct job *j)
{
	free(j->steps);
}

double job_weight(const struct job *j, long begin, long end)
{
	/* The sum of a straight line: the count times the mean of the ends. */
	return (double)(end - begin) * (weight(j, begin) + weight(j, end - 1)) /
	       2;
}

double job_total(const struct job *j)
{
	return job_weight(j, 0, j->tasks);
}

uint64_t run_task(const struct job *j, long i)
{
	return wb_burn(j->steps[i]) + (uint64_t)i;
}
