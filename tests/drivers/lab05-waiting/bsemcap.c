/* bsemcap.c: the bounded semaphore. 6 threads x 500 rounds through a
 * semaphore of 3 places, every third wait spurious: never more than 3
 * inside (counted here). Then a release past the bound must be refused and
 * leave it at 3 places: a 4th acquire must wait, also when its first
 * wait returns at once (a spurious wake-up).
 * Run by tests/lab05-waiting.bats; prints "bsemcap: ok" last. */
#include "drv.h"

#include "bsem.h"

#define BOUND   3
#define THREADS 6
#define ROUNDS  500

static struct bsem s;
static atomic_long inside, most, done;

static void *visit(void *arg)
{
	(void)arg;
	drv_spurious = 3;
	for (long r = 0; r < ROUNDS; r++) {
		bsem_acquire(&s);
		long now = atomic_fetch_add(&inside, 1) + 1, m = most;
		while (now > m && !atomic_compare_exchange_weak(&most, &m, now))
			;
		wb_sleep_ns(10000); /* stay a moment, so others queue up */
		atomic_fetch_sub(&inside, 1);
		if (bsem_release(&s) != 0)
			drv_fail("bsem_release after an acquire failed");
	}
	return NULL;
}

static void *take(void *arg)
{
	drv_spurious = 2;
	drv_waits = 1; /* the first wait returns at once */
	for (long i = 0; i < (long)arg; i++)
		bsem_acquire(&s);
	atomic_fetch_add(&done, 1);
	return NULL;
}

int main(void)
{
	drv_name = "bsemcap";
	bsem_init(&s, BOUND);
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		wb_check(pthread_create(&t[i], NULL, visit, NULL),
			 "pthread_create");
	for (int i = 0; i < THREADS; i++)
		wb_check(pthread_join(t[i], NULL), "pthread_join");
	printf("%d threads x %d rounds, bound %d, every third wait "
	       "spurious: at most %ld inside\n",
	       THREADS, ROUNDS, BOUND, atomic_load(&most));
	if (most > BOUND)
		drv_fail("%ld threads were inside a semaphore of %d places",
			 atomic_load(&most), BOUND);

	int rc = bsem_release(&s);
	printf("a release with every place free returned %d\n", rc);
	if (rc == 0)
		drv_fail("a release past the bound must be refused (EINVAL, as "
			 "Python's ValueError)");
	/* Refused, it must have changed nothing: 3 places, not 4. */
	pthread_t a, b;
	wb_check(pthread_create(&a, NULL, take, (void *)(long)BOUND),
		 "pthread_create");
	if (!drv_until(&done, 1, 2000))
		drv_fail("%d acquires on a free semaphore of %d places wait",
			 BOUND, BOUND);
	wb_check(pthread_create(&b, NULL, take, (void *)1L), "pthread_create");
	uint64_t start = wb_now_ns();
	while (atomic_load(&drv_inside) < 1 && atomic_load(&done) < 2 &&
	       drv_ms_since(start) < 2000)
		wb_sleep_ns(200000);
	if (atomic_load(&done) > 1)
		drv_fail("a 4th acquire got in: the refused release added a "
			 "place, or a spurious wake-up let it in (while, not "
			 "if)");
	if (bsem_release(&s) != 0)
		drv_fail("bsem_release after an acquire failed");
	if (!drv_until(&done, 2, 2000))
		drv_fail("a waiting acquire still waits after a release");
	wb_check(pthread_join(a, NULL), "pthread_join");
	wb_check(pthread_join(b, NULL), "pthread_join");
	puts("after the refused release: 3 acquires got in, the 4th waited");
	puts("bsemcap: ok");
	return 0;
}
