/* openmp.c: the parallel part again, but OpenMP splits the loop, starts
 * the threads and joins them: the C cousin of handing a loop to a native
 * library (NumPy) that works outside the GIL. Built with -fopenmp. */
#include "amdahl.h"
#include "wb.h"
#ifdef _OPENMP
#include <omp.h>
#endif

uint64_t run_openmp(struct part *parts, int n, long first, long units,
		    long size)
{
#ifdef _OPENMP
	uint64_t sum = 0;
	/* reduction: each thread adds into its own sum, and OpenMP adds
	 * those up at the join. schedule(static) deals out contiguous,
	 * nearly equal blocks, as split.c does. */
#pragma omp parallel num_threads(n) reduction(+ : sum)
	{
		struct part *mine = &parts[omp_get_thread_num()];
		long done = 0;
#pragma omp for schedule(static)
		for (long u = first; u < first + units; u++) {
			sum += unit_sum(u, size);
			done++;
		}
		*mine = (struct part){.size = size,
				      .done = done,
				      .who = pthread_self(),
				      .ran = true};
	}
	return sum;
#else
	(void)parts, (void)n, (void)first, (void)units, (void)size;
	wb_usage_error("--engine openmp: built without OpenMP (-fopenmp)");
#endif
}
