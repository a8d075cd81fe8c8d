/* roundtrip.c: lab11's test driver for the whole path: frame_write (with
 * write_full) in a parent, frame_read (with read_full) in its child, over
 * a pipe, a socketpair and a message queue, each with the writer's pieces
 * of 1 byte, 7 bytes and whole. Frame sizes are random (the seed is
 * printed): up to 1 MiB whole, 128 KiB in pieces of 7, 8 KiB in pieces
 * of 1, and always an empty frame. The child checks every byte itself. */
#include "drv.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>

enum { FRAMES = 4 };

static unsigned next(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

/* child: reads the frames and checks them; says what went wrong on out */
static void child(struct chan *c, const size_t *size, unsigned seed, int out)
{
	size_t cap = 0, len;
	for (int i = 0; i < FRAMES; i++)
		cap = size[i] > cap ? size[i] : cap;
	unsigned char *buf = malloc(cap + 1);
	char why[200] = "";
	int i;
	for (i = 0; i < FRAMES && !why[0]; i++) {
		unsigned char *want = pattern(size[i], seed + i);
		enum frame_status s = frame_read(c, buf, cap, &len);
		if (s != FRAME_OK)
			snprintf(why, sizeof why,
				 "frame %d of %zu bytes: "
				 "frame_read returned %d, not FRAME_OK",
				 i, size[i], (int)s);
		else if (len != size[i] || memcmp(buf, want, len) != 0)
			snprintf(why, sizeof why,
				 "frame %d came as %zu bytes%s, "
				 "not the %zu sent",
				 i, len, len == size[i] ? " that differ" : "",
				 size[i]);
		free(want);
	}
	if (!why[0] && frame_read(c, buf, cap, &len) != FRAME_EOF)
		snprintf(why, sizeof why,
			 "after the %d frames, frame_read "
			 "did not return FRAME_EOF",
			 FRAMES);
	while (why[0] && chan_read(c, buf, cap + 1) > 0)
		; /* on to the end, so the writer is not left blocked */
	if (why[0] && write(out, why, strlen(why)) < 0)
		_exit(2);
	_exit(why[0] ? 1 : 0);
}

static void one(enum transport t, size_t chunk, size_t most, unsigned *seed)
{
	size_t size[FRAMES];
	unsigned base = next(seed);
	for (int i = 0; i < FRAMES; i++)
		size[i] = i == 1 ? 0 : next(seed) % (most + 1);
	struct chan c;
	chan_open(&c, t);
	int msg[2];
	if (pipe(msg) == -1)
		drv_fail("pipe: %s", strerror(errno));
	fflush(stdout);
	pid_t pid = fork();
	if (pid == -1)
		drv_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		close(msg[0]);
		chan_keep(&c, true);
		child(&c, size, base, msg[1]);
	}
	close(msg[1]);
	chan_keep(&c, false);
	for (int i = 0; i < FRAMES; i++) {
		unsigned char *p = pattern(size[i], base + i);
		int rc = frame_write(&c, p, (uint32_t)size[i], chunk);
		free(p);
		if (rc < 0)
			break; /* the child stopped reading: it says why */
	}
	chan_end(&c);
	char why[201] = "";
	ssize_t n = __real_read(msg[0], why, 200);
	int status;
	waitpid(pid, &status, 0);
	chan_close(&c);
	close(msg[0]);
	if (n > 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		drv_fail("%s, pieces of %zu bytes (0: whole): %s",
			 transport_names[t], chunk,
			 n > 0 ? why : "the reader crashed");
}

int main(int argc, char **argv)
{
	drv_name = "roundtrip";
	unsigned seed = argc > 1 ? (unsigned)atol(argv[1])
				 : (unsigned)getpid() ^ (unsigned)time(NULL);
	printf("roundtrip: seed %u\n", seed);
	signal(SIGPIPE, SIG_IGN);
	for (int t = 0; t < TRANSPORTS; t++) {
		one(t, 0, 1 << 20, &seed);
		one(t, 7, 128 << 10, &seed);
		one(t, 1, 8 << 10, &seed);
	}
	printf("roundtrip: ok: 4 frames, one empty, came byte-exact over "
	       "each transport, written whole and in pieces of 7 and 1\n");
	return 0;
}
