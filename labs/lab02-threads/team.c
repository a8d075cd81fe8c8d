/* team.c: start, name and join a team of threads. The exercise: give each
 * thread an argument of its own, name it, and keep what each one returns.
 * Run: make lab02 (threads.c shows what each thread received). */
#define _GNU_SOURCE /* pthread_setname_np */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "team.h"
#include "wb.h"

void team_init(struct team *t, int n, const char *name)
{
	*t = (struct team){.n = n, .name = name};
	t->tid = wb_alloc((size_t)n * sizeof *t->tid);
	t->ids = wb_alloc((size_t)n * sizeof *t->ids);
	t->results = wb_alloc((size_t)n * sizeof *t->results);
}

void team_free(struct team *t)
{
	free(t->tid);
	free(t->ids);
	free(t->results);
}

void team_label(const struct team *t, int i, char *buf)
{
	char num[16];
	int k = snprintf(num, sizeof num, "-%d", i);
	// TODO(lab02): cut the name, not the number: names must stay distinct
	int keep = NAME_MAX_LEN;
	int len = (int)strnlen(t->name, (size_t)keep);
	int room = NAME_MAX_LEN - len; /* what is left for the number */
	int m = k < room ? k : room;
	memcpy(buf, t->name, (size_t)len);
	memcpy(buf + len, num, (size_t)m);
	buf[len + m] = 0;
}

void team_start(struct team *t, void *(*body)(void *))
{
	char name[NAME_MAX_LEN + 1];
	for (int i = 0; i < t->n; i++) {
		// TODO(lab02): give thread i an argument of its own: &i is one int for all
		wb_check(pthread_create(&t->tid[i], NULL, body, &i),
			 "pthread_create");
		(void)name; // TODO(lab02): name thread i with team_label
	}
}

void team_join(struct team *t)
{
	for (int i = 0; i < t->n; i++) {
		// TODO(lab02): keep what thread i returned in t->results[i]
		wb_check(pthread_join(t->tid[i], NULL), "pthread_join");
	}
}
