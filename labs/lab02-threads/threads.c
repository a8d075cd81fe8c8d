/* threads.c: start n named threads, each told its id, list them while they
 * wait (Python's threading.enumerate), then join them and collect results.
 * Run: make lab02 (ARGS="--threads 64"). Expect each id received exactly
 * once and every result collected; the starter shows duplicate and missing
 * ids on every run, because all threads read their id after the loop. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "team.h"
#include "wb.h"

static pthread_barrier_t gate; /* all threads and main meet here */
static atomic_int *seen;       /* seen[id]: threads that received id */
static atomic_int strange;     /* threads that received no id at all */
static int *got;               /* got[k]: the id the k-th reader read */
static atomic_int readers;
static int n;

/* A thread's work: read its id only once every thread exists, so a
 * shared argument is read after the loop has moved on, on every run. */
static void *greet(void *arg)
{
	pthread_barrier_wait(&gate);
	int id = *(const int *)arg;
	got[atomic_fetch_add(&readers, 1)] = id;
	if (id >= 0 && id < n)
		atomic_fetch_add(&seen[id], 1);
	else
		atomic_fetch_add(&strange, 1);
	return (void *)((long)id * id); /* the result: id squared */
}

/* Prints the name of every thread of this process, from /proc/self/task. */
static void list_threads(void)
{
	DIR *d = opendir("/proc/self/task");
	if (!d)
		wb_die("opendir /proc/self/task", errno);
	struct dirent *e;
	int count = 0;
	printf("threads now (/proc/self/task/*/comm):");
	while ((e = readdir(d))) {
		char path[300], name[32] = "?";
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/self/task/%s/comm",
			 e->d_name);
		FILE *f = fopen(path, "r");
		if (f && fscanf(f, "%31[^\n]", name) != 1)
			name[0] = 0;
		if (f)
			fclose(f);
		if (++count <= 12)
			printf(" %s", name);
	}
	closedir(d);
	printf("%s (%d in all)\n", count > 12 ? " ..." : "", count);
}

int main(int argc, char **argv)
{
	long threads = 8;
	const struct wb_opt opts[] = {
		WB_INT("threads", &threads, 1, 256, "threads to start"),
		WB_OPT_END};
	wb_parse(argc, argv, "threads", "Start, name and join threads.", opts);
	n = (int)threads;
	seen = wb_alloc((size_t)n * sizeof *seen);
	got = wb_alloc((size_t)n * sizeof *got);
	struct team t;
	team_init(&t, n, "worker");
	wb_check(pthread_barrier_init(&gate, NULL, (unsigned)n + 1),
		 "pthread_barrier_init");
	team_start(&t, greet);
	list_threads(); /* they all wait at the gate: all still alive */
	pthread_barrier_wait(&gate);
	team_join(&t);

	int twice = 0, missing = 0;
	long sum = 0, want = 0;
	for (int i = 0; i < n; i++) {
		twice += seen[i] > 1;
		missing += seen[i] == 0;
		sum += t.results[i];
		want += (long)i * i;
	}
	printf("%d threads started; ids 0 to %d; received:", n, n - 1);
	for (int k = 0; k < n && k < 16; k++)
		printf(" %d", got[k]);
	printf("%s\n", n > 16 ? " ..." : "");
	if (!twice && !missing && !strange)
		printf("  every id received exactly once\n");
	else
		printf("  %d ids received by more than one thread, %d never "
		       "received, %d threads got no valid id\n",
		       twice, missing, (int)strange);
	printf("results through join: sum %ld (expected %ld, the sum of "
	       "id*id): %s\n",
	       sum, want, sum == want ? "all collected" : "some lost");
	wb_check(pthread_barrier_destroy(&gate), "pthread_barrier_destroy");
	team_free(&t);
	free(seen);
	free(got);
	return 0;
}
