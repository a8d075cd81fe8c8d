/* pointer.c: --demo pointer. A pointer is an address in the sender's
 * memory. Sent to another process it is just a number: there it names the
 * receiver's own memory, a stale copy from the fork or nothing at all.
 * Python's pickle refuses such things (a lock, a lambda); C sends them
 * without a word. What travels is bytes: send the text itself. */
#define _GNU_SOURCE /* MAP_ANONYMOUS */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ipc.h"
#include "wb.h"

struct msg {
	long value;   /* a number: its bytes are the whole of it */
	char *text;   /* made before the fork, changed after it */
	int *numbers; /* made after the fork: the child never had it */
};

/* mapped: whether p is readable here (write(2) reads it, or says EFAULT) */
static int mapped(const void *p)
{
	int fd[2], ok;
	wb_sys(pipe(fd), "pipe");
	ok = write(fd[1], p, 1) == 1 ? 0 : errno;
	close(fd[0]);
	close(fd[1]);
	return ok;
}

static void child(struct chan *c)
{
	struct msg m;
	if (read_full(c, &m, sizeof m) != sizeof m)
		_exit(1);
	printf("child:  value %ld: a number arrives as it was\n", m.value);
	printf("child:  text %p holds \"%s\": the child's own copy, made at "
	       "the fork\n",
	       (void *)m.text, m.text);
	int err = mapped(m.numbers);
	if (err)
		printf("child:  numbers %p: nothing is there in the child "
		       "(reading it: %s)\n",
		       (void *)m.numbers, strerror(err));
	else
		printf("child:  numbers %p: holds the child's own memory, not "
		       "the parent's\n",
		       (void *)m.numbers);
	fflush(stdout);
}

void demo_pointer(void)
{
	struct msg m = {.value = 42, .text = wb_alloc(64)};
	strcpy(m.text, "written before the fork");
	struct chan c;
	chan_open(&c, PIPE);
	fflush(stdout);
	pid_t pid = wb_sys(fork(), "fork");
	if (pid == 0) {
		chan_keep(&c, true);
		child(&c);
		_exit(0);
	}
	chan_keep(&c, false);
	strcpy(m.text, "changed after the fork");
	m.numbers = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m.numbers == MAP_FAILED)
		wb_die("mmap", errno);
	m.numbers[0] = 7;
	printf("parent: sends value %ld, text %p (\"%s\"), numbers %p "
	       "(%d ...)\n",
	       m.value, (void *)m.text, m.text, (void *)m.numbers,
	       m.numbers[0]);
	fflush(stdout);
	if (write_full(&c, &m, sizeof m) != sizeof m)
		wb_die("write", errno);
	int status;
	wb_sys(waitpid(pid, &status, 0), "waitpid");
	chan_close(&c);
	munmap(m.numbers, 4096);
	free(m.text);
	printf("only the bytes of the struct travelled: send the text and "
	       "the numbers themselves (a frame), as pickle does\n");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		wb_die("the child", ECHILD);
}
