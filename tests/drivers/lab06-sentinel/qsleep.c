/* qsleep.c: does a thread that waits on the lab's queue sleep? A get on an
 * empty queue and a put on a full one wait 300 ms while the driver reads,
 * from the kernel, what each costs: CPU time, time runnable and wake-ups.
 * Run by tests/lab06-sentinel.bats; prints "qsleep: ok" last if both sleep. */
#include "drv.h"

#define WINDOW_MS   300
#define MAX_WAKEUPS 10 /* a 1 ms sleep-and-look poll wakes about 300 times */

/* What a thread has cost so far, as the kernel counts it. */
struct use {
	double cpu_ms;      /* time on a CPU */
	double runnable_ms; /* on a CPU or waiting for one */
	long wakeups;       /* times it was switched out and back */
};

static struct use use_of(struct call *c)
{
	struct use u = {0};
	clockid_t clock;
	struct timespec t;
	wb_check(pthread_getcpuclockid(c->thread, &clock),
		 "pthread_getcpuclockid");
	wb_sys(clock_gettime(clock, &t), "clock_gettime");
	u.cpu_ms = (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;

	char path[64], line[128];
	int tid = atomic_load(&c->tid);
	snprintf(path, sizeof path, "/proc/self/task/%d/schedstat", tid);
	FILE *f = fopen(path, "r");
	unsigned long long run, wait;
	if (!f || fscanf(f, "%llu %llu", &run, &wait) != 2)
		drv_fail("cannot read %s", path);
	fclose(f);
	u.runnable_ms = (double)(run + wait) / 1e6;

	snprintf(path, sizeof path, "/proc/self/task/%d/status", tid);
	if (!(f = fopen(path, "r")))
		drv_fail("cannot read %s", path);
	long n;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "voluntary_ctxt_switches: %ld", &n) == 1 ||
		    sscanf(line, "nonvoluntary_ctxt_switches: %ld", &n) == 1)
			u.wakeups += n;
	fclose(f);
	return u;
}

/* What a wait that cost cpu and run ms and woke n times was. */
static const char *verdict(double cpu, double run, long n)
{
	if (cpu < WINDOW_MS / 10.0 && run < WINDOW_MS / 10.0 &&
	    n <= MAX_WAKEUPS)
		return NULL;
	if (run > WINDOW_MS * 0.8)
		return "it wants a CPU all the time (a busy wait)";
	if (n > MAX_WAKEUPS)
		return "it wakes up to look again and again (a poll)";
	return "it does not sleep";
}

/* Says what a wait cost between a and b; true if it slept. */
static bool slept(const char *what, struct use a, struct use b)
{
	double cpu = b.cpu_ms - a.cpu_ms, run = b.runnable_ms - a.runnable_ms;
	long n = b.wakeups - a.wakeups;
	const char *bad = verdict(cpu, run, n);
	printf("%s, %d ms: %.2f ms on a CPU, runnable %.2f ms, %ld wake-ups: "
	       "%s\n",
	       what, WINDOW_MS, cpu, run, n, bad ? bad : "it sleeps");
	return !bad;
}

int main(void)
{
	drv_name = "qsleep";
	struct queue empty, full;
	queue_init(&empty, 1);
	queue_init(&full, 1);
	queue_put(&full, (struct item){1, 0});
	struct call c[2] = {{.q = &empty}, {.q = &full, .it = {2, 0}}};
	drv_start(&c[0], drv_get);
	drv_start(&c[1], drv_put);
	uint64_t start = wb_now_ns();
	while (!atomic_load(&c[0].tid) || !atomic_load(&c[1].tid))
		if (drv_ms_since(start) > 2000)
			drv_fail("the waiting threads never started");
	/* Let a correct queue's threads fall asleep; a poller never will. */
	drv_asleep(2, 200);

	struct use a0 = use_of(&c[0]), b0 = use_of(&c[1]);
	wb_sleep_ns(WINDOW_MS * 1000000ull);
	struct use a1 = use_of(&c[0]), b1 = use_of(&c[1]);
	bool ok = slept("get on an empty queue", a0, a1);
	ok = slept("put on a full queue", b0, b1) && ok;
	if (!ok)
		drv_fail("a waiting thread must sleep in pthread_cond_wait "
			 "until another thread changes the queue");

	/* Let them go, and see that they got what they waited for. */
	struct item it;
	queue_put(&empty, (struct item){1, 1});
	if (!queue_get(&full, &it) || it.producer != 1 || it.seq != 0)
		drv_fail("get on the full queue did not return its item");
	if (drv_done(c, 2, 1000) < 2)
		drv_fail("a waiter still waits after its queue changed");
	drv_join(c, 2);
	if (!c[0].ok || c[0].it.producer != 1 || c[0].it.seq != 1 || !c[1].ok)
		drv_fail("the waiting get or put failed once woken");
	queue_destroy(&empty);
	queue_destroy(&full);
	puts("qsleep: ok");
	return 0;
}
