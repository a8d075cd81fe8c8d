/* work.c: the work to share: the sum of i*i for i below units * size, as
 * in the guide's compute(), cut into units of `size` terms each. */
#include "amdahl.h"

/* The sum of i*i over unit number `unit`: i from unit * size, size terms.
 * It wraps around at 2^64, the same way in any order of addition.
 * noinline: the serial and the parallel part run this one copy of the
 * loop. A copy inlined into do_part once ran at half the speed (where a
 * loop sits in memory matters), and a parallel unit cost two serial ones. */
__attribute__((noinline)) uint64_t unit_sum(long unit, long size)
{
	uint64_t sum = 0, i = (uint64_t)unit * (uint64_t)size;
	for (uint64_t end = i + (uint64_t)size; i < end; i++) {
		sum += i * i;
		/* Hide sum from the optimiser, or it replaces the loop by the
		 * formula below and the work takes no time at all. */
		__asm__ volatile("" : "+r"(sum));
	}
	return sum;
}

/* The same sum for i below n by the formula (n - 1) n (2n - 1) / 6, for
 * checking; the product wraps around at 2^64 as the loop's sum does. */
uint64_t squares_below(uint64_t n)
{
	if (n == 0)
		return 0;
	/* One of n - 1 and n is even, and one of the three factors is a
	 * multiple of 3: dividing those first keeps every step exact. */
	uint64_t f[3] = {n - 1, n, 2 * n - 1};
	f[f[0] % 2 == 0 ? 0 : 1] /= 2;
	for (int k = 0; k < 3; k++) {
		if (f[k] % 3 == 0) {
			f[k] /= 3;
			break;
		}
	}
	return f[0] * f[1] * f[2];
}

/* A thread's life: compute its part, then report what it did. */
void *do_part(void *arg)
{
	struct part *p = arg;
	uint64_t sum = 0;
	long done = 0;
	for (long u = p->first; u < p->first + p->count; u++, done++)
		sum += unit_sum(u, p->size);
	p->sum = sum;
	p->done = done;
	p->who = pthread_self();
	p->ran = true;
	return NULL;
}
