/* checkatfork.c: lab10's test driver for guard_log_lock (hazard.c). A
 * logger thread holds log_lock while main forks; the lab's lock calls are
 * wrapped (drivers.mk), so the driver sees who takes and releases it, and
 * lets the logger go once someone waits for it. At the fork the forking
 * thread must hold log_lock (the fork waited for the logger); afterwards it
 * must be free in parent and child, and nobody may release it without
 * holding it. Prints "ok" last. */
#include "proof.h"

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/wait.h>

#include "hazard.h"
#include "wb.h"

static pthread_t owner;         /* who holds log_lock, while held */
static atomic_bool held;        /* log_lock is held */
static atomic_int bad_unlocks;  /* releases by a thread that did not hold it */
static sem_t go;                /* tells the logger to let go (once posted) */
static pthread_barrier_t ready; /* the logger holds log_lock */
static const char *at_fork;     /* NULL if the forking thread held log_lock
				   at the fork, else what log_lock was */

int __real_pthread_mutex_lock(pthread_mutex_t *m);
int __real_pthread_mutex_trylock(pthread_mutex_t *m);
int __real_pthread_mutex_unlock(pthread_mutex_t *m);
int __real_pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a);

static int taken(pthread_mutex_t *m, int rc)
{
	if (m == &log_lock && rc == 0) {
		owner = pthread_self();
		atomic_store(&held, true);
	}
	return rc;
}

int __wrap_pthread_mutex_trylock(pthread_mutex_t *m)
{
	int rc = __real_pthread_mutex_trylock(m);
	if (rc == EBUSY && m == &log_lock)
		sem_post(&go); /* someone waits for it: logger, let go */
	return taken(m, rc);
}

int __wrap_pthread_mutex_lock(pthread_mutex_t *m)
{
	int rc = __wrap_pthread_mutex_trylock(m);
	return rc == EBUSY ? taken(m, __real_pthread_mutex_lock(m)) : rc;
}

int __wrap_pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m == &log_lock) {
		if (!atomic_load(&held) ||
		    !pthread_equal(owner, pthread_self()))
			atomic_fetch_add(&bad_unlocks, 1);
		atomic_store(&held, false);
	}
	return __real_pthread_mutex_unlock(m);
}

int __wrap_pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	if (m == &log_lock)
		atomic_store(&held, false);
	return __real_pthread_mutex_init(m, a);
}

/* Registered before the lab's handlers, so it runs after their prepare
 * handler, right before the fork itself. */
static void check_at_fork(void)
{
	if (!atomic_load(&held))
		at_fork = "free";
	else if (!pthread_equal(owner, pthread_self()))
		at_fork = "held by another thread (the logger)";
}

static void *logger(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&log_lock);
	pthread_barrier_wait(&ready);
	while (sem_wait(&go) == -1)
		; /* EINTR */
	pthread_mutex_unlock(&log_lock);
	return NULL;
}

/* What after() finds wrong with log_lock, in parent or child. */
static const char *const faults[] = {
	NULL, "was released by a thread that did not hold it", "is still held",
	"cannot be taken"};

/* After the fork: log_lock must be free and usable; 0 if it is. */
static int after(void)
{
	if (atomic_load(&bad_unlocks))
		return 1;
	if (atomic_load(&held))
		return 2;
	if (__real_pthread_mutex_trylock(&log_lock) != 0)
		return 3;
	__real_pthread_mutex_unlock(&log_lock);
	return 0;
}

int main(void)
{
	drv = "checkatfork";
	wb_sys(sem_init(&go, 0, 0), "sem_init");
	wb_check(pthread_barrier_init(&ready, NULL, 2), "pthread_barrier_init");
	wb_check(pthread_atfork(check_at_fork, NULL, NULL), "pthread_atfork");
	guard_log_lock();
	pthread_t t;
	wb_check(pthread_create(&t, NULL, logger, NULL), "pthread_create");
	pthread_barrier_wait(&ready);

	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0)
		_exit(after());
	sem_post(&go);
	wb_check(pthread_join(t, NULL), "pthread_join");
	int parent = after(), status;
	wb_sys(waitpid(pid, &status, 0), "waitpid");

	if (at_fork)
		fail("at the fork, log_lock was %s: the prepare handler must "
		     "take it and hold it, so that the fork waits until the "
		     "logger lets go",
		     at_fork);
	if (parent)
		fail("after the fork, log_lock in the parent %s: the parent "
		     "handler must release it",
		     faults[parent]);
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 3)
		fail("the child ended with wait status %d", status);
	if (WEXITSTATUS(status))
		fail("after the fork, log_lock in the child %s: the child "
		     "handler must release it (or initialise it again)",
		     faults[WEXITSTATUS(status)]);
	printf("checkatfork: ok: the fork waited for log_lock, held it, and "
	       "both copies came out free\n");
	return 0;
}
