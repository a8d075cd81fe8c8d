/* demo.c: what the demonstrations share: the watchdog's view of where the
 * program is, and a team of threads that all run one function. Linked
 * into waiting and into the test drivers. */
#include <pthread.h>

#include "demo.h"
#include "wb.h"

atomic_long demo_progress;
const char *_Atomic demo_now = "starting";

void demo_team(long n, void *(*fn)(void *), void *arg)
{
	pthread_t t[64];
	for (long i = 0; i < n; i++)
		wb_check(pthread_create(&t[i], NULL, fn, arg),
			 "pthread_create");
	for (long i = 0; i < n; i++)
		wb_check(pthread_join(t[i], NULL), "pthread_join");
}
