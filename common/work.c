/* work.c: a stand-in for CPU-bound work. */
#include "wb.h"

/* The guide's compute(n): sum(i*i for i in range(n)), wrapping on overflow.
 * The result is returned so the compiler cannot drop the loop. */
uint64_t wb_burn(uint64_t n)
{
	uint64_t sum = 0;
	for (uint64_t i = 0; i < n; i++) {
		sum += i * i;
		/* Hide sum from the optimiser, or clang replaces the loop by a
		 * closed formula and the "work" takes no time at all. */
		__asm__ volatile("" : "+r"(sum));
	}
	return sum;
}
