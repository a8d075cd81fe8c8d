/* grow.c: the parent's size, grown the way a Python program grows when it
 * loads its data: memory that is written to, so every page is resident. */
#define _GNU_SOURCE /* MAP_ANONYMOUS and madvise(MADV_NOHUGEPAGE) */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "start.h"
#include "wb.h"

void grow_mb(long mb)
{
	if (mb <= 0)
		return;
	size_t n = (size_t)mb << 20, page = (size_t)sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		wb_die("mmap", errno);
	/* Small pages, like a heap of small objects: with 2 MiB huge pages
	 * fork would copy 512 times fewer page table entries. */
	madvise(p, n, MADV_NOHUGEPAGE);
	for (size_t i = 0; i < n; i += page)
		p[i] = 1; /* a page written to is a page the kernel must map */
}

/* The number after `key` in a /proc file such as /proc/meminfo, in kB. */
static long proc_kb(const char *file, const char *key)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return -1;
	char line[256];
	long kb = -1;
	size_t n = strlen(key);
	while (kb < 0 && fgets(line, sizeof line, f))
		if (strncmp(line, key, n) == 0)
			sscanf(line + n, " %ld", &kb);
	fclose(f);
	return kb;
}

long mem_available_mb(void)
{
	long kb = proc_kb("/proc/meminfo", "MemAvailable:");
	return kb < 0 ? -1 : kb / 1024;
}

double vmrss_mb(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	long kb = proc_kb(path, "VmRSS:");
	return kb < 0 ? -1 : (double)kb / 1024;
}
