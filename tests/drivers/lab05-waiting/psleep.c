/* psleep.c: does a thread that waits on each of the lab's primitives
 * sleep? Four threads wait 200 ms (event, semaphore, barrier, rlock) while
 * the driver reads what each costs from /proc; then it lets them go.
 * Run by tests/lab05-waiting.bats; prints "psleep: ok" last if all sleep. */
#include "drv.h"

#include "barrier.h"
#include "bsem.h"
#include "event.h"
#include "rlock.h"

#define WINDOW_MS 200

static struct event e;
static struct bsem s;
static struct barrier b;
static struct rlock l;
static atomic_int tids[4];
static atomic_long done;

static void *waiter(void *arg)
{
	int i = (int)(long)arg;
	atomic_store(&tids[i], drv_tid());
	switch (i) {
	case 0:
		if (!event_wait(&e, -1))
			drv_fail("event_wait with no limit returned false");
		break;
	case 1:
		bsem_acquire(&s);
		break;
	case 2:
		barrier_wait(&b);
		break;
	default:
		rlock_acquire(&l);
		if (rlock_release(&l) != 0)
			drv_fail("rlock_release by its owner failed");
	}
	atomic_fetch_add(&done, 1);
	return NULL;
}

int main(void)
{
	static const char *what[] = {"event_wait on an unset event",
				     "bsem_acquire with no place free",
				     "barrier_wait, 1 of 2 come",
				     "rlock_acquire while main holds it"};
	drv_name = "psleep";
	event_init(&e);
	bsem_init(&s, 1);
	bsem_acquire(&s);
	barrier_init(&b, 2);
	rlock_init(&l);
	rlock_acquire(&l);
	pthread_t t[4];
	for (long i = 0; i < 4; i++)
		wb_check(pthread_create(&t[i], NULL, waiter, (void *)i),
			 "pthread_create");
	/* Give them time to fall asleep; a poller never will. */
	uint64_t start = wb_now_ns();
	while (atomic_load(&drv_inside) < 4 && drv_ms_since(start) < 300)
		wb_sleep_ns(1000000);
	wb_sleep_ns(20000000);
	if (atomic_load(&done) > 0)
		drv_fail("a thread did not wait for its primitive");

	struct use a[4], z[4];
	for (int i = 0; i < 4; i++)
		a[i] = drv_use(atomic_load(&tids[i]));
	wb_sleep_ns(WINDOW_MS * 1000000ull);
	for (int i = 0; i < 4; i++)
		z[i] = drv_use(atomic_load(&tids[i]));
	bool ok = true;
	for (int i = 0; i < 4; i++)
		ok = drv_slept(what[i], WINDOW_MS, a[i], z[i]) && ok;
	if (!ok)
		drv_fail("a waiting thread must sleep on a condition variable "
			 "until another thread changes what it waits for");

	/* Let them go: each must get what it waited for. */
	event_set(&e);
	if (bsem_release(&s) != 0)
		drv_fail("bsem_release after an acquire failed");
	barrier_wait(&b);
	if (rlock_release(&l) != 0)
		drv_fail("rlock_release by its owner failed");
	if (!drv_until(&done, 4, 2000))
		drv_fail("a waiter still waits after what it waits for "
			 "happened");
	for (int i = 0; i < 4; i++)
		wb_check(pthread_join(t[i], NULL), "pthread_join");
	puts("psleep: ok");
	return 0;
}
