/* stop.c: SIGTERM or Ctrl-C end the run cleanly: the request is noted in
 * the handler and carried out between two starts, fork server first. */
#include <signal.h>

#include "start.h"
#include "wb.h"

static volatile sig_atomic_t stopping; /* the signal that asked us to end */

static void on_signal(int sig)
{
	stopping = sig;
}

void stop_on_signals(void)
{
	/* SA_RESTART: a wait cut short by the signal simply goes on. */
	struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESTART};
	wb_sys(sigaction(SIGTERM, &sa, NULL), "sigaction");
	wb_sys(sigaction(SIGINT, &sa, NULL), "sigaction");
}

void stop_if_asked(void)
{
	if (!stopping)
		return;
	fs_stop(stopping);
	/* End by the same signal, so whoever waits for us sees how. */
	signal(stopping, SIG_DFL);
	raise(stopping);
}
