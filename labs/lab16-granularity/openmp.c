/* openmp.c: the same loop, handed out by OpenMP's runtime (libgomp with
 * gcc): schedule(dynamic, k) and schedule(guided, k). Built with -fopenmp
 * (lab.mk). */
#include "granularity.h"
#include "wb.h"

void run_openmp(const struct job *j, int workers, enum schedule s, long chunk,
		struct outcome *o)
{
#ifdef _OPENMP
	uint64_t sum = 0;
	long n = j->tasks;
	uint64_t t0 = wb_now_ns();
	if (s == GUIDED) {
#pragma omp parallel for num_threads(workers) schedule(guided, chunk) \
	reduction(+ : sum)
		for (long i = 0; i < n; i++)
			sum += run_task(j, i);
	} else {
#pragma omp parallel for num_threads(workers) schedule(dynamic, chunk) \
	reduction(+ : sum)
		for (long i = 0; i < n; i++)
			sum += run_task(j, i);
	}
	/* OpenMP does not say how it cut the loop: no chunk count here. */
	*o = (struct outcome){.ms = (double)(wb_now_ns() - t0) / 1e6,
			      .chunks = -1,
			      .done = n,
			      .sum = sum};
#else
	(void)j, (void)workers, (void)s, (void)chunk, (void)o;
	wb_usage_error("--engine openmp: built without OpenMP (-fopenmp)");
#endif
}
