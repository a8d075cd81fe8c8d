/* backoff.c: when a worker crashes, restart it after a wait that doubles
 * each time (so a crash loop does not burn the machine), and give up after
 * too many restarts in a short window (systemd's StartLimitBurst and
 * StartLimitIntervalSec). */
#include "shutdown.h"

long backoff_ms(int k)
{
	(void)k;
	return 0; // TODO(lab13): 50 ms before the first restart, twice as long before each next one, never more than 800 ms
}

bool may_restart(struct startlog *log, long now_ms, int max, long window_ms)
{
	(void)log, (void)now_ms, (void)max, (void)window_ms;
	return true; // TODO(lab13): refuse when max restarts already happened in the last window_ms; else note this one
}
