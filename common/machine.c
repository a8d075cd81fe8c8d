/* machine.c: facts about this machine, for defaults and figure captions. */
#define _GNU_SOURCE /* _SC_LEVEL1_DCACHE_LINESIZE is a glibc extension */
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "wb.h"

int wb_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

long wb_cache_line(void)
{
	long n = sysconf(_SC_LEVEL1_DCACHE_LINESIZE);
	/* Some kernels and VMs report 0: 64 bytes is right on x86 and most Arm. */
	return n > 0 ? n : 64;
}

static void cpu_model(char *buf, size_t n)
{
	snprintf(buf, n, "unknown CPU");
	FILE *f = fopen("/proc/cpuinfo", "r");
	if (!f)
		return;
	char line[512];
	while (fgets(line, sizeof line, f)) {
		char *colon = strchr(line, ':');
		if (colon && strncmp(line, "model name", 10) == 0) {
			colon += 1 + strspn(colon + 1, " \t");
			colon[strcspn(colon, "\n")] = '\0';
			snprintf(buf, n, "%s", colon);
			break;
		}
	}
	fclose(f);
}

const char *wb_machine(void)
{
	static char text[512];
	char model[256];
	struct utsname u;
	cpu_model(model, sizeof model);
	if (uname(&u) == -1)
		strcpy(u.release, "?");
#if defined(__clang__)
	const char *cc = "clang " __clang_version__;
#else
	const char *cc = "gcc " __VERSION__;
#endif
	snprintf(text, sizeof text, "%s, %d CPUs, Linux %s, %s", model,
		 wb_cpus(), u.release, cc);
	return text;
}
