/* offload.c: W workers take jobs from a queue and compute them. A finished
 * job goes on the done list, and a write to the eventfd wakes the loop,
 * which sleeps in epoll_wait on that eventfd beside its sockets. */
#include <errno.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "offload.h"
#include "wb.h"

/* Hands j back to the loop. */
static void finish(struct offload *o, struct job *j)
{
	// TODO(lab18): put j on o->done (under o->lock), then wake the loop: write 1 to o->efd
	(void)o;
	(void)j;
}

struct job *offload_done(struct offload *o)
{
	// TODO(lab18): read o->efd (its count goes back to 0), then take the whole o->done list under o->lock
	(void)o;
	return NULL;
}

static void *worker(void *arg)
{
	struct offload *o = arg;
	for (;;) {
		wb_check(pthread_mutex_lock(&o->lock), "pthread_mutex_lock");
		while (!o->todo && !o->closing)
			wb_check(pthread_cond_wait(&o->more, &o->lock),
				 "pthread_cond_wait");
		struct job *j = o->todo;
		if (j && !(o->todo = j->next))
			o->todo_tail = &o->todo;
		wb_check(pthread_mutex_unlock(&o->lock),
			 "pthread_mutex_unlock");
		if (!j)
			return NULL; /* closing, and nothing left to do */
		j->result = wb_burn(j->n);
		finish(o, j);
	}
}

void offload_start(struct offload *o, int workers)
{
	*o = (struct offload){.workers = workers};
	o->todo_tail = &o->todo;
	o->efd = wb_sys(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC), "eventfd");
	wb_check(pthread_mutex_init(&o->lock, NULL), "pthread_mutex_init");
	wb_check(pthread_cond_init(&o->more, NULL), "pthread_cond_init");
	o->threads = wb_alloc((size_t)workers * sizeof *o->threads);
	for (int i = 0; i < workers; i++)
		wb_check(pthread_create(&o->threads[i], NULL, worker, o),
			 "pthread_create");
}

void offload_submit(struct offload *o, struct job *j)
{
	j->next = NULL;
	wb_check(pthread_mutex_lock(&o->lock), "pthread_mutex_lock");
	*o->todo_tail = j;
	o->todo_tail = &j->next;
	wb_check(pthread_cond_signal(&o->more), "pthread_cond_signal");
	wb_check(pthread_mutex_unlock(&o->lock), "pthread_mutex_unlock");
}

static void free_list(struct job *j)
{
	while (j) {
		struct job *next = j->next;
		free(j);
		j = next;
	}
}

void offload_stop(struct offload *o)
{
	wb_check(pthread_mutex_lock(&o->lock), "pthread_mutex_lock");
	o->closing = true;
	free_list(o->todo); /* never started: nobody waits for them now */
	o->todo = NULL;
	o->todo_tail = &o->todo;
	wb_check(pthread_cond_broadcast(&o->more), "pthread_cond_broadcast");
	wb_check(pthread_mutex_unlock(&o->lock), "pthread_mutex_unlock");
	for (int i = 0; i < o->workers; i++)
		wb_check(pthread_join(o->threads[i], NULL), "pthread_join");
	free_list(o->done);
	free(o->threads);
	close(o->efd);
	wb_check(pthread_mutex_destroy(&o->lock), "pthread_mutex_destroy");
	wb_check(pthread_cond_destroy(&o->more), "pthread_cond_destroy");
}
