/* summary.c: the verdict of a run in plain words (or CSV): how many items
 * were produced and consumed, how many lost or consumed twice, which
 * consumer took how many, and how much CPU the waiting threads used.
 * summary_print runs once every thread has been joined, so it reads the
 * queue's fields without the lock. */
#include <stdio.h>

#include "summary.h"

static const char *plural(long n)
{
	return n == 1 ? "" : "s";
}

static void print_wait(long n, const char *who, const char *queue, long ms,
		       double cpu_ms)
{
	/* A sleeping waiter costs next to nothing; a polling one costs a
	 * core, or every core it can get. */
	double share = 100.0 * cpu_ms / (double)ms;
	printf("while %ld %s%s waited %ld ms on %s queue, the process used "
	       "%.2f ms of CPU (%.1f%% of a core): %s\n",
	       n, who, plural(n), ms, queue, cpu_ms, share,
	       share < 10 ? "they sleep" : "they poll instead of sleeping");
}

void summary_waits(struct run *r)
{
	print_wait(r->consumers, "consumer", "an empty", r->idle_ms,
		   r->idle.empty_ms);
	print_wait(r->producers, "producer", "a full", r->idle_ms,
		   r->idle.full_ms);
	fflush(stdout); /* the run may yet end in the watchdog's _exit */
}

static void print_prose(struct run *r, long produced, struct tally_sum s)
{
	printf("%ld producer%s x %ld items, %ld consumer%s, a queue of %ld "
	       "slot%s, ",
	       r->producers, plural(r->producers), r->items, r->consumers,
	       plural(r->consumers), r->q.capacity, plural(r->q.capacity));
	if (r->sentinels >= 0)
		printf("stopped by %ld sentinel%s\n", r->sentinels,
		       plural(r->sentinels));
	else
		printf("stopped by closing the queue\n");
	printf("%ld items produced, %ld consumed, %ld lost, %ld twice: %s\n",
	       produced, s.consumed, s.lost, s.twice,
	       s.lost || s.twice || s.strays ? "NOT exactly once"
					     : "every item exactly once");
	if (s.strays)
		printf("%ld of the items consumed were made by no producer\n",
		       s.strays);
	if (r->q.count)
		printf("%ld left in the queue after every consumer stopped\n",
		       r->q.count);
	printf("per consumer:");
	for (long i = 0; i < r->consumers; i++)
		printf(" %ld", atomic_load(&r->cons[i].items));
	printf("\ntook %.1f ms\n", r->ms);
	if (r->sentinels < 0)
		printf("a put after close was %s\n",
		       r->late_refused ? "refused, as it should be"
				       : "accepted: close must make put fail");
}

static void print_csv(struct run *r, long produced, struct tally_sum s)
{
	bool closing = r->sentinels < 0;
	printf("shutdown,producers,consumers,capacity,items,sentinels,"
	       "produced,consumed,lost,twice,left,late_put,ms,idle_ms,"
	       "empty_cpu_ms,full_cpu_ms\n");
	printf("%s,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%s,%.3f,%ld,%.3f,"
	       "%.3f\n",
	       closing ? "close" : "sentinel", r->producers, r->consumers,
	       r->q.capacity, r->items, closing ? 0 : r->sentinels, produced,
	       s.consumed, s.lost, s.twice, r->q.count,
	       !closing          ? "none"
	       : r->late_refused ? "refused"
				 : "accepted",
	       r->ms, r->idle_ms, r->idle.empty_ms, r->idle.full_ms);
}

void summary_print(struct run *r, bool csv)
{
	struct tally_sum s = tally_sum(&r->tally);
	long produced = 0;
	for (long i = 0; i < r->producers; i++)
		produced += atomic_load(&r->prod[i].items);
	if (csv)
		print_csv(r, produced, s);
	else
		print_prose(r, produced, s);
}
