/* pfuture.c: does a thread waiting in future_result sleep on the future's
 * condition variable, wait on when woken for nothing, and wake when the
 * task ends? Wrapped calls show each wait and each wake-up; a wake-up must
 * come after the state says over, or under the future's lock, or it can be
 * lost. Prints "pfuture: ok" last. */
#include "drv.h"

static struct future *watched; /* the future under test */
static atomic_int entered;     /* waits on watched->over begun */
static atomic_int inside;      /* and not yet returned */
static atomic_int early;       /* wake-ups that could be lost */

int __real_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int __real_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *t);
int __real_pthread_cond_signal(pthread_cond_t *c);
int __real_pthread_cond_broadcast(pthread_cond_t *c);
int __wrap_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int __wrap_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *t);
int __wrap_pthread_cond_signal(pthread_cond_t *c);
int __wrap_pthread_cond_broadcast(pthread_cond_t *c);

static bool ours(pthread_cond_t *c)
{
	struct future *f = atomic_load((_Atomic(struct future *) *)&watched);
	return f && c == &f->over;
}

int __wrap_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	if (!ours(c))
		return __real_pthread_cond_wait(c, m);
	atomic_fetch_add(&entered, 1);
	atomic_fetch_add(&inside, 1);
	int rc = __real_pthread_cond_wait(c, m);
	atomic_fetch_sub(&inside, 1);
	return rc;
}

int __wrap_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *t)
{
	if (!ours(c))
		return __real_pthread_cond_timedwait(c, m, t);
	atomic_fetch_add(&entered, 1);
	atomic_fetch_add(&inside, 1);
	int rc = __real_pthread_cond_timedwait(c, m, t);
	atomic_fetch_sub(&inside, 1);
	return rc;
}

/* A wake-up of watched->over: the state must say over already, or the
 * waker must hold the lock (it sets the state before letting go). */
static void waking(pthread_cond_t *c)
{
	if (!ours(c))
		return;
	struct future *f = watched;
	int s = __atomic_load_n((int *)&f->state, __ATOMIC_SEQ_CST);
	if (s == FINISHED || s == CANCELLED)
		return;
	if (pthread_mutex_trylock(&f->lock) == 0) {
		wb_check(pthread_mutex_unlock(&f->lock),
			 "pthread_mutex_unlock");
		atomic_fetch_add(&early, 1);
	}
}

int __wrap_pthread_cond_signal(pthread_cond_t *c)
{
	waking(c);
	return __real_pthread_cond_signal(c);
}

int __wrap_pthread_cond_broadcast(pthread_cond_t *c)
{
	waking(c);
	return __real_pthread_cond_broadcast(c);
}

struct waiting {
	struct future *f;
	int err;
	long value;
	atomic_bool done;
	pthread_t thread;
};

static void *wait_for(void *arg)
{
	struct waiting *w = arg;
	w->err = future_result(w->f, &w->value);
	atomic_store(&w->done, true);
	return NULL;
}

/* Waits up to a second until the waiter has begun `n` waits on f->over and
 * is inside one, then takes and drops f->lock: a waiter that held it can
 * only have let go in the wait, so it sleeps there by now. */
static void asleep(struct waiting *w, int n, const char *what)
{
	uint64_t t0 = wb_now_ns();
	while (atomic_load(&entered) < n || atomic_load(&inside) != 1) {
		if (atomic_load(&w->done))
			drv_fail("%s: future_result returned while the task "
				 "had not ended",
				 what);
		if (wb_now_ns() - t0 > 1000000000u)
			drv_fail("%s: after a second, future_result does not "
				 "sleep on f->over (pthread_cond_wait): it "
				 "must not poll",
				 what);
		wb_sleep_ns(200000);
	}
	wb_check(pthread_mutex_lock(&w->f->lock), "pthread_mutex_lock");
	wb_check(pthread_mutex_unlock(&w->f->lock), "pthread_mutex_unlock");
}

static void check(bool cancel)
{
	const char *what = cancel ? "cancel" : "set";
	struct waiting w = {.f = future_new()};
	atomic_store(&entered, 0);
	atomic_store((_Atomic(struct future *) *)&watched, w.f);
	wb_check(pthread_create(&w.thread, NULL, wait_for, &w),
		 "pthread_create");
	asleep(&w, 1, what);
	/* A wake-up with nothing changed: it must wait on. */
	wb_check(pthread_mutex_lock(&w.f->lock), "pthread_mutex_lock");
	__real_pthread_cond_broadcast(&w.f->over);
	wb_check(pthread_mutex_unlock(&w.f->lock), "pthread_mutex_unlock");
	asleep(&w, 2, "woken for nothing");
	if (cancel) {
		if (!future_cancel(w.f))
			drv_fail("future_cancel of a pending future failed");
	} else {
		struct outcome o = {.value = 42};
		if (!future_start(w.f))
			drv_fail("future_start of a pending future failed");
		future_set(w.f, &o);
	}
	uint64_t t0 = wb_now_ns();
	while (!atomic_load(&w.done))
		if (wb_now_ns() - t0 > 1000000000u)
			drv_fail("%s: the waiter still sleeps a second after "
				 "the future ended: wake it (broadcast)",
				 what);
		else
			wb_sleep_ns(200000);
	wb_check(pthread_join(w.thread, NULL), "pthread_join");
	if (atomic_load(&early))
		drv_fail("%s: f->over was signalled before the state said "
			 "over, without the lock: a waiter can miss it",
			 what);
	if (cancel ? w.err != ECANCELED : w.err != 0 || w.value != 42)
		drv_fail("%s: future_result returned %d, value %ld", what,
			 w.err, w.value);
	printf("%s: the waiter slept in pthread_cond_wait, waited on when "
	       "woken for nothing, and woke when the future ended\n",
	       what);
	atomic_store((_Atomic(struct future *) *)&watched, NULL);
	future_free(w.f);
}

int main(void)
{
	drv_begin("pfuture");
	drv_deadline(5000, 1, "still waiting after 5 s");
	check(false);
	check(true);
	puts("pfuture: ok");
	return 0;
}
