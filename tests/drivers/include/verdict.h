/* verdict.h: the verdict every test driver ends with, shared by the labs'
 * drivers. A driver sets drv_name, checks, and prints "NAME: ok" last; a
 * failed check prints "NAME: FAIL: why" and ends the process at once. The
 * includer defines _GNU_SOURCE first (syscall). */
#ifndef VERDICT_H
#define VERDICT_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdnoreturn.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "wb.h"

static const char *drv_name; /* the driver's name, for its messages */

/* Prints "NAME: FAIL: why" as the last line and exits 1. */
__attribute__((format(printf, 1, 2))) static inline noreturn void
drv_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("%s: FAIL: ", drv_name);
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	fflush(stdout);
	/* Now, past the sanitizers' exit checks: threads may spin or wait. */
	syscall(SYS_exit_group, 1);
	_exit(1);
}

static inline long drv_ms_since(uint64_t start)
{
	return (long)((wb_now_ns() - start) / 1000000u);
}

#endif
