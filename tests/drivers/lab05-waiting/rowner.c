/* rowner.c: the recursive lock. A takes it 3 times without waiting for
 * itself; nobody else may release it; B gets it only after A's third
 * release; a release beyond the acquires is refused.
 * Run by tests/lab05-waiting.bats; prints "rowner: ok" last. */
#include "drv.h"

#include "rlock.h"

static struct rlock l;
static atomic_long a_step, b_got, go;
static int a_rc[4], b_rc;

static void *a_thread(void *arg)
{
	(void)arg;
	for (int i = 0; i < 3; i++)
		rlock_acquire(&l);
	atomic_store(&a_step, 1);
	drv_until(&go, 1, 5000);
	a_rc[0] = rlock_release(&l);
	a_rc[1] = rlock_release(&l);
	atomic_store(&a_step, 2);
	drv_until(&go, 2, 5000);
	a_rc[2] = rlock_release(&l);
	a_rc[3] = rlock_release(&l); /* one more than it took */
	atomic_store(&a_step, 3);
	return NULL;
}

static void *b_thread(void *arg)
{
	(void)arg;
	rlock_acquire(&l);
	atomic_store(&b_got, 1);
	drv_until(&go, 3, 5000);
	b_rc = rlock_release(&l);
	return NULL;
}

/* B must not hold the lock now: it waits in acquire, or has not come. */
static void b_waits(const char *when)
{
	uint64_t start = wb_now_ns();
	while (atomic_load(&drv_inside) < 1 && !atomic_load(&b_got) &&
	       drv_ms_since(start) < 100)
		wb_sleep_ns(200000);
	if (atomic_load(&b_got))
		drv_fail("another thread got the lock %s", when);
}

int main(void)
{
	drv_name = "rowner";
	rlock_init(&l);
	pthread_t a, b;
	wb_check(pthread_create(&a, NULL, a_thread, NULL), "pthread_create");
	if (!drv_until(&a_step, 1, 2000))
		drv_fail("a thread that took the lock cannot take it again: "
			 "it waits for itself");
	wb_check(pthread_create(&b, NULL, b_thread, NULL), "pthread_create");
	b_waits("while its owner held it 3 times");
	int rc = rlock_release(&l);
	if (rc == 0)
		drv_fail("a thread that does not hold it released it (EPERM, "
			 "as Python's RuntimeError)");
	b_waits("after a release by a thread that does not hold it");
	puts("taken 3 times by one thread; a release by another: refused");
	atomic_store(&go, 1);
	if (!drv_until(&a_step, 2, 2000))
		drv_fail("the owner's release waits");
	if (a_rc[0] != 0 || a_rc[1] != 0)
		drv_fail("the owner's first releases failed (%d, %d)", a_rc[0],
			 a_rc[1]);
	b_waits("after 2 of its owner's 3 releases");
	atomic_store(&go, 2);
	if (!drv_until(&b_got, 1, 2000))
		drv_fail("after the owner's 3rd release, a waiting thread "
			 "still waits");
	if (!drv_until(&a_step, 3, 2000))
		drv_fail("the owner's release waits");
	if (a_rc[2] != 0)
		drv_fail("the owner's 3rd release failed (%d)", a_rc[2]);
	if (a_rc[3] == 0)
		drv_fail("a 4th release after 3 acquires was accepted");
	atomic_store(&go, 3);
	wb_check(pthread_join(a, NULL), "pthread_join");
	wb_check(pthread_join(b, NULL), "pthread_join");
	if (b_rc != 0)
		drv_fail("the new owner's release failed (%d)", b_rc);
	if (rlock_release(&l) == 0)
		drv_fail("a release of a free lock was accepted");
	puts("free after the 3rd release, not before; a 4th: refused");
	puts("rowner: ok");
	return 0;
}
