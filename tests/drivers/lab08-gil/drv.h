/* drv.h: what lab08's test drivers share: a deadline that ends a stuck
 * run, thread ids, and the lab's GIL and interpreter. Each driver includes
 * this file once, first. */
#ifndef DRV_H
#define DRV_H
#define _GNU_SOURCE /* syscall(SYS_gettid) */

#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "ceval_gil.h"
#include "interp.h"
#include "deadline.h"
#include "verdict.h"
#include "wb.h"

static inline void drv_begin(const char *name)
{
	drv_name = name;
	setvbuf(stdout, NULL, _IOLBF, 0);
}

static inline void drv_start(pthread_t *t, void *(*fn)(void *), void *arg)
{
	wb_check(pthread_create(t, NULL, fn, arg), "pthread_create");
}

static inline void drv_join(pthread_t t)
{
	wb_check(pthread_join(t, NULL), "pthread_join");
}

/* Reads the GIL's state under its mutex. */
static inline struct gil drv_gil_state(struct gil *g)
{
	wb_check(pthread_mutex_lock(&g->mutex), "pthread_mutex_lock");
	struct gil s;
	s.locked = g->locked;
	s.last_holder = g->last_holder;
	s.switch_number = g->switch_number;
	s.drop_requests = g->drop_requests;
	wb_check(pthread_mutex_unlock(&g->mutex), "pthread_mutex_unlock");
	return s;
}

#endif
