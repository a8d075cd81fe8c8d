/* crash.c: a NULL dereference on purpose, the way a bug in C code (a
 * Python extension, say) ends a process: the kernel sends it SIGSEGV, and
 * unless something catches that, the whole process dies, every thread. */
#include <signal.h>
#include <stdlib.h>

#include "procs.h"

static int *volatile nowhere; /* NULL, and the compiler cannot know it */

/* UBSan would report the store and exit 1: we want the real crash. */
__attribute__((no_sanitize("undefined"))) noreturn void crash(void)
{
	/* A sanitizer build catches SIGSEGV to print a report; the default
	 * action lets the kernel end the process, as in a plain build. */
	signal(SIGSEGV, SIG_DFL);
	*nowhere = 1;
	abort(); /* not reached */
}
