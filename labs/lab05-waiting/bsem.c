/* bsem.c: a counting semaphore is a number under a mutex plus a condition
 * to sleep on while it is 0; the bound check is what makes it "bounded".
 * POSIX sem_t has no bound: sem_post counts on up to SEM_VALUE_MAX. */
#include <errno.h>

#include "bsem.h"
#include "wb.h"

void bsem_init(struct bsem *s, long bound)
{
	s->value = s->bound = bound;
	wb_check(pthread_mutex_init(&s->lock, NULL), "pthread_mutex_init");
	wb_check(pthread_cond_init(&s->free, NULL), "pthread_cond_init");
}

void bsem_destroy(struct bsem *s)
{
	wb_check(pthread_cond_destroy(&s->free), "pthread_cond_destroy");
	wb_check(pthread_mutex_destroy(&s->lock), "pthread_mutex_destroy");
}

void bsem_acquire(struct bsem *s)
{
	wb_check(pthread_mutex_lock(&s->lock), "pthread_mutex_lock");
	/* Woken, a thread must look again: another may have taken the
	 * place first, or the wake-up was spurious. */
	while (s->value == 0)
		wb_check(pthread_cond_wait(&s->free, &s->lock),
			 "pthread_cond_wait");
	s->value--;
	wb_check(pthread_mutex_unlock(&s->lock), "pthread_mutex_unlock");
}

int bsem_release(struct bsem *s)
{
	int rc = 0;
	wb_check(pthread_mutex_lock(&s->lock), "pthread_mutex_lock");
	// TODO(lab05): refuse (EINVAL, nothing changed) a release when s->value is already s->bound
	s->value++;
	wb_check(pthread_cond_signal(&s->free), "pthread_cond_signal");
	wb_check(pthread_mutex_unlock(&s->lock), "pthread_mutex_unlock");
	return rc;
}
