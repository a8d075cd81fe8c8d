/* teamcheck.c: lab02's driver for team_start and team_join. Every thread
 * team_start creates is held (by the wrapped pthread_create) until
 * team_start has returned: only then does the tree's code in it, or the
 * driver's body, run. So a shared argument is read late, and a name a
 * thread would give itself comes late, on every run. It checks:
 * - ids: every thread got a pointer of its own, and ids 0..n-1 each once;
 * - results: team_join put each thread's return value in its own slot;
 * - names: while the threads wait, /proc/self/task/<tid>/comm shows n+1
 *   threads named "<prefix>-<i>" (prefix cut to keep 15 bytes).
 * Run: teamcheck ids|results|names PREFIX N...; ends with "teamcheck: ok"
 * or "teamcheck: FAIL". */
#define _GNU_SOURCE /* pthread_self as a result */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "team.h"
#include "wb.h"

enum { MAX = 1024 };
static struct held {
	void *(*fn)(void *);
	void *arg;
} held[MAX];             /* what each thread created was to run */
static atomic_int made;  /* threads created so far */
static atomic_int go;    /* team_start has returned */
static atomic_int *seen; /* seen[id]: threads that read id */
static atomic_int strange, early;
static atomic_int holding; /* hold new threads until go */
static int n;
static int before; /* threads in /proc/self/task before team_start */

int __real_pthread_create(pthread_t *t, const pthread_attr_t *a,
			  void *(*fn)(void *), void *arg);

/* Waits (2 s at most) for team_start to return, then runs. */
static void *hold(void *p)
{
	struct held *h = p;
	for (int ms = 0; !atomic_load(&go) && ms < 2000; ms++)
		wb_sleep_ns(1000000);
	if (!atomic_load(&go))
		atomic_fetch_add(&early, 1);
	return h->fn(h->arg);
}

int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *a,
			  void *(*fn)(void *), void *arg)
{
	int k = atomic_fetch_add(&made, 1);
	if (!atomic_load(&holding) || k >= MAX)
		return __real_pthread_create(t, a, fn, arg);
	held[k] = (struct held){fn, arg};
	return __real_pthread_create(t, a, hold, &held[k]);
}

/* The driver's thread body: reads its id, returns a result of its own. */
static void *body(void *arg)
{
	int id = *(const int *)arg;
	if (id >= 0 && id < n)
		atomic_fetch_add(&seen[id], 1);
	else
		atomic_fetch_add(&strange, 1);
	return (void *)pthread_self(); /* a result no other thread returns */
}

static void *idle(void *unused)
{
	return unused;
}

/* The name thread i must carry. */
static void expect(const char *prefix, int i, char *buf)
{
	char num[16];
	int k = snprintf(num, sizeof num, "-%d", i);
	snprintf(buf, 32, "%.*s%s", 15 - k, prefix, num);
}

/* The threads of this process now. */
static int tasks(void)
{
	int count = 0;
	DIR *d = opendir("/proc/self/task");
	if (!d)
		wb_die("opendir /proc/self/task", errno);
	for (struct dirent *e; (e = readdir(d));)
		count += e->d_name[0] != '.';
	closedir(d);
	return count;
}

/* Checks the names in /proc/self/task; returns 1 if all are there. */
static int names_ok(const char *prefix)
{
	static char got[MAX][32];
	int count = 0, ok = 1;
	DIR *d = opendir("/proc/self/task");
	if (!d)
		wb_die("opendir /proc/self/task", errno);
	for (struct dirent *e; (e = readdir(d)) && count < MAX;) {
		char path[300];
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/self/task/%s/comm",
			 e->d_name);
		FILE *f = fopen(path, "r");
		if (!f || fscanf(f, "%31[^\n]", got[count]) != 1)
			got[count][0] = 0;
		if (f)
			fclose(f);
		count++;
	}
	closedir(d);
	if (count != before + n) {
		printf("%d threads in /proc/self/task, expected %d + %d\n",
		       count, before, n);
		ok = 0;
	}
	for (int i = 0; i < n; i++) {
		char want[32];
		expect(prefix, i, want);
		int hits = 0;
		for (int j = 0; j < count; j++)
			hits += !strcmp(got[j], want);
		if (hits != 1) {
			if (ok)
				printf("thread %d: %d threads named \"%s\"\n",
				       i, hits, want);
			ok = 0;
		}
	}
	char first[32], last[32];
	expect(prefix, 0, first);
	expect(prefix, n - 1, last);
	printf("%d threads: want \"%s\" to \"%s\": %s\n", n, first, last,
	       ok ? "all there" : "not all there");
	if (!ok) {
		printf("names seen:");
		for (int j = 0; j < count && j < 20; j++)
			printf(" \"%s\"", got[j]);
		printf("\n");
	}
	return ok;
}

/* One team of n threads; returns 1 if what mode checks holds. */
static int one(const char *mode, const char *prefix)
{
	struct team t;
	team_init(&t, n, prefix);
	seen = wb_alloc((size_t)n * sizeof *seen);
	atomic_store(&made, 0);
	atomic_store(&go, 0);
	atomic_store(&strange, 0);
	atomic_store(&early, 0);
	before = tasks();
	atomic_store(&holding, 1);
	team_start(&t, body);
	int ok = 1, m = atomic_load(&made);
	if (!strcmp(mode, "names"))
		ok = names_ok(prefix);
	atomic_store(&go, 1);
	team_join(&t);
	atomic_store(&holding, 0);
	if (atomic_load(&early)) {
		printf("%d threads: team_start waited for its threads to run\n",
		       atomic_load(&early));
		ok = 0;
	}
	if (m != n) {
		printf("%d threads, team_start created %d\n", n, m);
		ok = 0;
	}
	if (!strcmp(mode, "ids")) {
		int shared = 0, twice = 0, missing = 0;
		for (int i = 0; i < m && i < MAX; i++)
			for (int j = 0; j < i; j++)
				shared += held[i].arg == held[j].arg;
		for (int i = 0; i < n; i++) {
			twice += seen[i] > 1;
			missing += seen[i] == 0;
		}
		printf("%d threads: %d shared an argument pointer, %d ids read "
		       "twice or more, %d never, %d not an id\n",
		       n, shared, twice, missing, (int)strange);
		ok &= !shared && !twice && !missing && !strange;
	}
	if (!strcmp(mode, "results")) {
		int wrong = 0;
		for (int i = 0; i < n; i++)
			wrong += t.results[i] != (long)t.tid[i];
		printf("%d threads: %d results not in their thread's slot\n", n,
		       wrong);
		ok &= !wrong;
	}
	free(seen);
	team_free(&t);
	return ok;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	if ((strcmp(mode, "ids") && strcmp(mode, "results") &&
	     strcmp(mode, "names")) ||
	    argc < 4) {
		fprintf(stderr, "usage: teamcheck ids|results|names PREFIX "
				"N...\n");
		return 2;
	}
	/* A first thread makes ThreadSanitizer start its own background
	 * thread now, before any count of this process's threads. */
	pthread_t first;
	wb_check(pthread_create(&first, NULL, idle, NULL), "pthread_create");
	wb_check(pthread_join(first, NULL), "pthread_join");
	int ok = 1;
	for (int k = 3; k < argc; k++) {
		n = atoi(argv[k]);
		if (n < 1 || n > 256) {
			fprintf(stderr, "teamcheck: N from 1 to 256\n");
			return 2;
		}
		ok &= one(mode, argv[2]);
	}
	if (!ok)
		printf("teamcheck: FAIL: %s\n",
		       !strcmp(mode, "ids")       ? "each thread needs an "
						    "argument of its own, "
						    "valid until team_join"
		       : !strcmp(mode, "results") ? "results[i] must hold "
						    "what thread i returned"
						  : "thread i must be named "
						    "by the time team_start "
						    "returns");
	else
		printf("teamcheck: ok\n");
	return ok ? 0 : 1;
}
