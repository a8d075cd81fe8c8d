/* segment.c: a named shared memory segment, like Python's
 * shared_memory.SharedMemory(create=True): shm_open makes the name in
 * /dev/shm, mmap maps it. The name is only a way in; once the map exists,
 * the name can go, and the memory lives on until the last map is gone. */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "shm.h"
#include "wb.h"

void *segment_create(const char *name, size_t size)
{
	/* O_EXCL: a new segment, never one that another run left there. */
	int fd = wb_sys(shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600),
			"shm_open");
	wb_sys(ftruncate(fd, (off_t)size), "ftruncate"); /* size, zeros */
	void *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		wb_die("mmap", errno);
	close(fd); /* the map keeps the memory */
	// TODO(lab12): shm_unlink(name) here: then a crash cannot leave the segment in /dev/shm
	return map;
}

bool segment_free(const char *name, void *map, size_t size)
{
	wb_sys(munmap(map, size), "munmap");
	if (shm_unlink(name) == 0)
		return true; /* it was still there */
	if (errno != ENOENT)
		wb_die("shm_unlink", errno);
	return false;
}
