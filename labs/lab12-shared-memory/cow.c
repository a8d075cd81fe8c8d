/* cow.c: after fork, parent and child share every page until one of them
 * writes it: then the kernel copies that page (copy-on-write). The child
 * writes each page of a private map and of a shared one, and counts its
 * minor page faults and its private dirty memory: what was copied. */
#define _GNU_SOURCE /* MADV_NOHUGEPAGE */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shm.h"
#include "wb.h"

struct seen {
	long faults, dirty_kb; /* minor faults, private dirty kB gained */
};

/* The private dirty memory of this process, in kB, from smaps_rollup. */
static long private_dirty_kb(void)
{
	FILE *f = fopen("/proc/self/smaps_rollup", "r");
	if (!f)
		wb_die("fopen /proc/self/smaps_rollup", errno);
	char line[256];
	long kb = 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "Private_Dirty: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

static long minor_faults(void)
{
	struct rusage ru;
	wb_sys(getrusage(RUSAGE_SELF, &ru), "getrusage");
	return ru.ru_minflt;
}

/* Forks a child that writes 2 into each page of map; returns what it saw. */
static struct seen child_writes(char *map, long pages, long page,
				struct seen *report)
{
	fflush(NULL);
	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		long f0 = minor_faults(), d0 = private_dirty_kb();
		for (long i = 0; i < pages; i++)
			map[i * page] = 2;
		report->faults = minor_faults() - f0;
		report->dirty_kb = private_dirty_kb() - d0;
		_exit(0);
	}
	int st;
	wb_sys(waitpid(pid, &st, 0), "waitpid");
	if (st != 0)
		wb_die("the child failed", ECHILD);
	return *report;
}

static long pages_holding(const char *map, long pages, long page, char v)
{
	long n = 0;
	for (long i = 0; i < pages; i++)
		n += map[i * page] == v;
	return n;
}

static char *map_pages(long bytes, int flags)
{
	char *m = mmap(NULL, (size_t)bytes, PROT_READ | PROT_WRITE,
		       flags | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		wb_die("mmap", errno);
	/* 4 KiB pages, so that the count of copies is the count of pages. */
	madvise(m, (size_t)bytes, MADV_NOHUGEPAGE);
	memset(m, 1, (size_t)bytes); /* every page present before fork */
	return m;
}

void cow_demo(long pages)
{
	long page = sysconf(_SC_PAGESIZE), bytes = pages * page;
	struct seen *report = (void *)map_pages(page, MAP_SHARED);
	char *priv = map_pages(bytes, MAP_PRIVATE);
	char *shared = map_pages(bytes, MAP_SHARED);
	printf("the parent wrote 1 into %ld pages (%.1f MiB) of a private "
	       "map and of a shared one, then forked\n",
	       pages, (double)bytes / (1 << 20));

	struct seen s = child_writes(priv, pages, page, report);
	printf("private map: the child wrote 2 into every page: %ld minor "
	       "faults, private dirty memory +%.1f MiB: the pages were "
	       "copied\n",
	       s.faults, (double)s.dirty_kb / 1024);
	printf("  the parent still reads 1 in %ld of %ld pages: the child "
	       "wrote to its own copies, each made at its first write\n",
	       pages_holding(priv, pages, page, 1), pages);

	s = child_writes(shared, pages, page, report);
	printf("shared map:  the child wrote 2 into every page: %ld minor "
	       "faults, private dirty memory +%.1f MiB: nothing copied\n",
	       s.faults, (double)s.dirty_kb / 1024);
	printf("  the parent reads 2 in %ld of %ld pages: one copy of each "
	       "page, seen by both (as with shm_open and mmap)\n",
	       pages_holding(shared, pages, page, 2), pages);
	printf("(a fault is also how the child first maps a shared page: "
	       "fork does not copy those page table entries)\n");
	munmap(priv, (size_t)bytes);
	munmap(shared, (size_t)bytes);
	munmap(report, (size_t)page);
}
