/* sentinel.c: producers and consumers over a bounded queue; main stops the
 * consumers with one sentinel each or by closing the queue. Run: make lab06
 * (ARGS="--shutdown close" or "--sentinels 2"). Expect "400 items produced,
 * 400 consumed, 0 lost, 0 twice"; too few sentinels: watchdog, exit 3. */
#include <stdbool.h>
#include <stdlib.h>

#include "stop.h"
#include "summary.h"
#include "wb.h"
#include "workers.h"

enum shutdown { BY_SENTINELS, BY_CLOSING };
static const char *const shutdowns[] = {"sentinel", "close", NULL};

int main(int argc, char **argv)
{
	long producers = 4, consumers = 4, capacity = 8, items = 100;
	long sentinels = -1, watchdog_ms = 2000, idle_ms = 100, spurious_us = 0;
	int shutdown = BY_SENTINELS;
	bool csv = false;
	const struct wb_opt opts[] = {
		WB_INT("producers", &producers, 1, 64, "producer threads"),
		WB_INT("consumers", &consumers, 1, 64, "consumer threads"),
		WB_INT("capacity", &capacity, 1, 1000000, "slots in the queue"),
		WB_INT("items", &items, 1, 100000, "items each producer puts"),
		WB_CHOICE("shutdown", &shutdown, shutdowns,
			  "how main stops the consumers"),
		WB_INT("sentinels", &sentinels, 0, 64,
		       "sentinels main puts (default: one per consumer)"),
		WB_INT("watchdog-ms", &watchdog_ms, 10, 600000,
		       "exit 3 after this long without progress"),
		WB_INT("idle-ms", &idle_ms, 0, 60000,
		       "first, measure the CPU of threads waiting this long"),
		WB_INT("spurious-us", &spurious_us, 0, 1000000,
		       "wake all waiters for no reason this often (0: never)"),
		WB_FLAG("csv", &csv, "print one CSV row instead of prose"),
		WB_OPT_END};
	wb_parse(argc, argv, "sentinel",
		 "Producers and consumers over a bounded queue, and two ways "
		 "to stop the consumers.",
		 opts);
	if (sentinels >= 0 && shutdown == BY_CLOSING)
		wb_usage_error("--sentinels: only with --shutdown sentinel");
	if (sentinels > consumers)
		wb_usage_error("--sentinels: at most one per consumer, and "
			       "there are %ld (--consumers)",
			       consumers);
	if (idle_ms * 2 > watchdog_ms)
		wb_usage_error(
			"--idle-ms: at most half of --watchdog-ms (%ld), "
			"or the watchdog takes the wait for a hang",
			watchdog_ms);
	if (shutdown == BY_SENTINELS && sentinels < 0)
		sentinels = consumers;

	struct run r = {.producers = producers,
			.consumers = consumers,
			.items = items,
			.sentinels = sentinels,
			.idle_ms = idle_ms,
			.spurious_us = spurious_us};
	queue_init(&r.q, capacity);
	tally_init(&r.tally, producers, items);
	wb_watchdog_start(watchdog_ms, &r.progress, workers_report, &r);
	if (idle_ms > 0) {
		r.idle = idle_probe(idle_ms, consumers, producers, &r.progress);
		if (!csv)
			summary_waits(&r);
	}

	uint64_t start = wb_now_ns();
	workers_start(&r);
	if (spurious_us > 0)
		nudger_start(&r);
	atomic_store(&r.phase, PRODUCING);
	workers_join(r.prod, producers);
	atomic_store(&r.phase, STOPPING);
	if (shutdown == BY_SENTINELS)
		stop_by_sentinels(&r);
	else
		stop_by_closing(&r);
	atomic_store(&r.phase, DRAINING);
	workers_join(r.cons, consumers);
	if (spurious_us > 0)
		nudger_stop(&r);
	r.ms = (double)(wb_now_ns() - start) / 1e6;
	wb_watchdog_stop();

	summary_print(&r, csv);
	free(r.prod);
	free(r.cons);
	tally_free(&r.tally);
	queue_destroy(&r.q);
	return 0;
}
