/* dtsan.c: the fixed claim on real threads, 300 rounds of two, with the
 * driver's own perturbation at the yield points (-Wl,--wrap=yield_point:
 * sched_yield or a 20 us sleep, half the time). Every round must leave
 * exactly one owner; run under ThreadSanitizer, which must find no race. */
#include "drv.h"
#include "slot.h"

static _Thread_local unsigned rng;

void __wrap_yield_point(void)
{
	rng = rng * 1103515245u + 12345u;
	switch (rng >> 16 & 3) {
	case 1:
		sched_yield();
		break;
	case 2:
		wb_sleep_ns(20000);
		break;
	}
}

struct arg {
	struct slot *s;
	int me, k;
	unsigned seed;
};

static void *thread(void *p)
{
	struct arg *a = p;
	rng = a->seed;
	slot_claim_fixed(a->s, a->me, a->k);
	return NULL;
}

int main(void)
{
	drv_name = "dtsan";
	setvbuf(stdout, NULL, _IOLBF, 0);
	drv_deadline(8000, "still running after 8 s");
	long twice = 0;
	for (int round = 0; round < 300; round++) {
		struct slot s;
		struct arg a[2];
		pthread_t t[2];
		slot_init(&s);
		for (int i = 0; i < 2; i++) {
			a[i] = (struct arg){&s, i, 2 + round % 3,
					    (unsigned)(round * 2 + i + 1)};
			wb_check(pthread_create(&t[i], NULL, thread, &a[i]),
				 "pthread_create");
		}
		for (int i = 0; i < 2; i++)
			wb_check(pthread_join(t[i], NULL), "pthread_join");
		twice += slot_winners(&s) != 1;
		slot_destroy(&s);
	}
	printf("300 rounds on real threads: %ld without exactly one owner\n",
	       twice);
	if (twice)
		drv_fail("%ld of 300 rounds left two owners (or none)", twice);
	puts("dtsan: ok");
	return 0;
}
