/* dfix.c: the fixed claim, under the driver's own deterministic scheduler
 * (yield_point and pthread_mutex_lock are the driver's: -Wl,--wrap). For
 * k = 2..5, every one of the C(2k, k) interleavings of slot_claim_fixed
 * must leave exactly one owner, the one that won; and a thread alone must
 * win. A lock that is busy is a switch point, as in CHESS: the thread
 * that wants it hands the baton to the other. */
#include "drv.h"

#include <errno.h>

#include "slot.h"

int __real_pthread_mutex_lock(pthread_mutex_t *m);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn = PTHREAD_COND_INITIALIZER;
static const int *sched;
static int len, pos, baton = -1, k;
static bool done[2];
static _Thread_local int me = -1; /* -1: not a thread of ours */
static struct slot s;

static void pass(void) /* under lock */
{
	while (pos < len && done[sched[pos]])
		pos++;
	baton = pos < len ? sched[pos++] : (!done[0] ? 0 : !done[1] ? 1 : -1);
	pthread_cond_broadcast(&turn);
}

static void to_other(void) /* under lock: a forced switch */
{
	if (!done[!me])
		baton = !me;
	pthread_cond_broadcast(&turn);
}

static void wait_turn(void) /* under lock */
{
	while (baton != me)
		pthread_cond_wait(&turn, &lock);
}

void __wrap_yield_point(void)
{
	if (me < 0)
		return;
	__real_pthread_mutex_lock(&lock);
	pass();
	wait_turn();
	pthread_mutex_unlock(&lock);
}

int __wrap_pthread_mutex_lock(pthread_mutex_t *m)
{
	if (me < 0)
		return __real_pthread_mutex_lock(m);
	int rc;
	while ((rc = pthread_mutex_trylock(m)) == EBUSY) {
		__real_pthread_mutex_lock(&lock);
		to_other();
		wait_turn();
		pthread_mutex_unlock(&lock);
	}
	return rc;
}

static void *thread(void *arg)
{
	int id = (int)(intptr_t)arg;
	__real_pthread_mutex_lock(&lock);
	me = id;
	wait_turn();
	pthread_mutex_unlock(&lock);
	slot_claim_fixed(&s, id, k);
	__real_pthread_mutex_lock(&lock);
	done[id] = true;
	pass();
	pthread_mutex_unlock(&lock);
	me = -1;
	return NULL;
}

/* Runs threads `who` (bit 0: A, bit 1: B) with schedule; returns the
 * number of owners, after checking the owner field agrees. */
static int run(int who, const int *sc, int n)
{
	pthread_t t[2];
	slot_init(&s);
	sched = sc, len = n, pos = 0, baton = -1;
	done[0] = !(who & 1), done[1] = !(who & 2);
	for (int i = 0; i < 2; i++)
		if (who >> i & 1)
			wb_check(pthread_create(&t[i], NULL, thread,
						(void *)(intptr_t)i),
				 "pthread_create");
	__real_pthread_mutex_lock(&lock);
	pass();
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < 2; i++)
		if (who >> i & 1)
			wb_check(pthread_join(t[i], NULL), "pthread_join");
	int w = slot_winners(&s);
	if (w == 1 && s.owner != (s.won[0] ? 1 : 2))
		drv_fail("schedule %s: thread %c won, but the slot says "
			 "owner %d",
			 drv_letters(sc, n), s.won[0] ? 'A' : 'B', s.owner);
	slot_destroy(&s);
	return w;
}

static long failed;
static char first[DRV_MAX + 1];

static void each(const int *sc, int n, void *arg)
{
	(void)arg;
	if (run(3, sc, n) != 1 && !failed++)
		strcpy(first, drv_letters(sc, n));
}

int main(void)
{
	drv_name = "dfix";
	setvbuf(stdout, NULL, _IOLBF, 0);
	drv_deadline(4000, "still running after 4 s: the threads wait for "
			   "each other (a lock held across a yield point?)");
	for (k = 2; k <= 5; k++) {
		int steps[2] = {k, k}, none[1] = {0};
		failed = 0;
		long c = drv_schedules(2, steps, each, NULL);
		printf("k = %d: %ld interleavings, %ld leave other than one "
		       "owner\n",
		       k, c, failed);
		if (failed)
			drv_fail("k = %d: %ld of %ld interleavings leave two "
				 "owners (or none), the first %s: the claim "
				 "is not atomic yet",
				 k, failed, c, first);
		for (int i = 0; i < 2; i++) {
			none[0] = i;
			if (run(1 << i, none, 1) != 1)
				drv_fail("k = %d: thread %c alone did not get "
					 "the free slot",
					 k, 'A' + i);
		}
	}
	puts("dfix: ok");
	return 0;
}
