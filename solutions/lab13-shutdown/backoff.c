/* backoff.c: when a worker crashes, restart it after a wait that doubles
 * each time (so a crash loop does not burn the machine), and give up after
 * too many restarts in a short window (systemd's StartLimitBurst and
 * StartLimitIntervalSec). */
#include "shutdown.h"

long backoff_ms(int k)
{
	/* STARTER BEGIN
	(void)k;
	return 0; // TODO(lab13): 50 ms before the first restart, twice as long before each next one, never more than 800 ms
	STARTER END */
	long ms = BACKOFF_FIRST_MS;
	/* Stop doubling at the cap: a large k must not overflow. */
	for (int i = 1; i < k && ms < BACKOFF_MAX_MS; i++)
		ms *= 2;
	return ms < BACKOFF_MAX_MS ? ms : BACKOFF_MAX_MS;
	/* SOLUTION END */
}

bool may_restart(struct startlog *log, long now_ms, int max, long window_ms)
{
	/* STARTER BEGIN
	(void)log, (void)now_ms, (void)max, (void)window_ms;
	return true; // TODO(lab13): refuse when max restarts already happened in the last window_ms; else note this one
	STARTER END */
	/* Forget the restarts that have left the window. */
	int kept = 0;
	for (int i = 0; i < log->n; i++)
		if (log->at_ms[i] > now_ms - window_ms)
			log->at_ms[kept++] = log->at_ms[i];
	log->n = kept;
	if (log->n >= max)
		return false;
	log->at_ms[log->n++] = now_ms;
	return true;
	/* SOLUTION END */
}
