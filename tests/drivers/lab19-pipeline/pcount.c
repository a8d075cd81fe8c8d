/* pcount.c: the pipeline's word counts equal the driver's own count of the
 * text it fed in, for 3 seeds and 4 shapes (mappers, reducers, capacity);
 * the last line is slow to map, so the other mappers reach the end of input
 * first. Run it under ThreadSanitizer too. Prints "pcount: ok" last. */
#include "drv.h"

int main(void)
{
	int before = drv_begin("pcount");
	static const long shapes[][3] = {
		{1, 1, 1}, {2, 3, 2}, {3, 2, 4}, {4, 4, 3}};
	for (int seed = 1; seed <= 3; seed++)
		for (int s = 0; s < 4; s++) {
			struct config cfg = {.words = 8 * 150 + 5,
					     .mappers = shapes[s][0],
					     .reducers = shapes[s][1],
					     .capacity = shapes[s][2]};
			char when[96];
			snprintf(when, sizeof when,
				 "seed %d, %ld mappers, %ld reducers, "
				 "capacity %ld",
				 seed, cfg.mappers, cfg.reducers, cfg.capacity);
			drv_deadline(600, "a run did not end within 0.6 s: "
					  "does the end of input reach "
					  "every stage?");
			drv_reset();
			drv_seed = (uint64_t)seed;
			slow_seq = seed == 1 && cfg.mappers > 1 ? 150 : -1;
			pipeline_init(&P, &cfg);
			int rc = pipeline_run(&P);
			if (rc)
				drv_fail("%s: the run failed in stage %d: %s",
					 when, rc, P.error);
			drv_check_counts(when);
			drv_nothing_left(before, when);
			pipeline_free(&P);
		}
	printf("12 runs: every word counted as often as the text has it\n");
	puts("pcount: ok");
	return 0;
}
