/* dpool.c: the loop answers "echo" while sums run in the pool. Two
 * clients send "sum N"; the driver holds both sums in the pool's workers
 * (a gate in wb_burn); a third client's "echo" must be answered while they
 * are held. Then the gate opens and both sums must come back right,
 * through the pool's eventfd. */
#include "drv.h"
#include "gate.h"

int main(void)
{
	drv_name = "dpool";
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct server s = {.workers = 2, .quiet = true};
	char buf[64], want[64];
	drv_serve(&s);
	drv_deadline(3000,
		     "no reply: is every sum handed back through the eventfd?");
	int a = drv_connect(s.port, 0, 0), b = drv_connect(s.port, 0, 0),
	    c = drv_connect(s.port, 0, 0);
	drv_say(a, "sum 100000\n");
	drv_say(b, "sum 200000\n");
	gate_wait_inside(2);
	for (int i = 0; i < 20; i++) {
		snprintf(want, sizeof want, "echo %d\n", i);
		drv_say(c, want);
		if (drv_hear(c, buf, sizeof buf) < 0 || atoi(buf) != i)
			drv_fail("echo %d while 2 sums ran: got \"%s\"", i,
				 buf);
	}
	if (atomic_load(&inside) != 2 || atomic_load(&finished) != 0)
		drv_fail("the sums were not held while echo was answered");
	atomic_store(&open_, true);
	snprintf(want, sizeof want, "%llu",
		 (unsigned long long)load_expect(100000));
	if (drv_hear(a, buf, sizeof buf) < 0 || strcmp(buf, want))
		drv_fail("sum 100000: got \"%s\", expected %s", buf, want);
	snprintf(want, sizeof want, "%llu",
		 (unsigned long long)load_expect(200000));
	if (drv_hear(b, buf, sizeof buf) < 0 || strcmp(buf, want))
		drv_fail("sum 200000: got \"%s\", expected %s", buf, want);
	drv_stop();
	close(a);
	close(b);
	close(c);
	puts("20 echo replies while 2 sums were held in the pool; then both "
	     "sums came back right");
	puts("dpool: ok");
	return 0;
}
