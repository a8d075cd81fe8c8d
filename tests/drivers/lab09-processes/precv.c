/* precv.c: lab09's test driver for recv_msg (msg.c). A writer process
 * feeds a pipe with messages cut at awkward places, with pauses and with
 * signals arriving meanwhile; two messages in one write; and ends of file
 * at a boundary, in a length and in a payload. recv_msg must return each
 * message whole, exactly its bytes, and say what went wrong. Prints
 * "precv: ok" last. */
#include "drv.h"

#include <stdint.h>
#include <sys/time.h>

#include "procs.h"

static void nothing(int sig)
{
	(void)sig;
}

/* Starts a writer that writes the n bytes of buf in pieces of the sizes
 * in cuts (0-terminated), 20 ms apart, then ends. Returns the read end. */
static int writer(const void *buf, const int *cuts)
{
	int p[2];
	if (pipe(p) == -1)
		drv_fail("pipe: %s", strerror(errno));
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		const char *at = buf;
		for (; *cuts; cuts++) {
			if (write(p[1], at, (size_t)*cuts) != *cuts)
				_exit(1);
			at += *cuts;
			usleep(20000);
		}
		_exit(0);
	}
	close(p[1]);
	return p[0];
}

static size_t frame(char *out, const char *text)
{
	uint32_t len = (uint32_t)strlen(text);
	memcpy(out, &len, sizeof len);
	memcpy(out + sizeof len, text, len);
	return sizeof len + len;
}

static void expect(int fd, const char *text, const char *how)
{
	char got[MSG_MAX + 1];
	ssize_t n = recv_msg(fd, got, sizeof got - 1);
	if (n < 0)
		drv_fail("recv_msg returned -1 (%s) for a message %s",
			 strerror(errno), how);
	got[n] = '\0';
	if (strcmp(got, text) != 0)
		drv_fail("recv_msg returned %zd bytes \"%.40s\" for the "
			 "message \"%.40s\" %s",
			 n, got, text, how);
}

static void expect_end(int fd, ssize_t want, int err, const char *how)
{
	char got[64];
	errno = 0;
	ssize_t n = recv_msg(fd, got, sizeof got);
	if (n != want || (want == -1 && errno != err))
		drv_fail(
			"recv_msg returned %zd (errno %s) %s; expected %zd%s%s",
			n, strerror(errno), how, want,
			want == -1 ? " with errno " : "",
			want == -1 ? strerrorname_np(err) : "");
	close(fd);
	while (wait(NULL) > 0)
		;
}

int main(void)
{
	drv_name = "precv";
	drv_deadline(10000, "recv_msg did not return within 10 s");
	char buf[2 * MSG_MAX], text[301];
	memset(text, 'a', 300);
	text[300] = '\0';
	for (int i = 0; i < 300; i++)
		text[i] = (char)('a' + i % 26);

	/* a length in 1, 3 bytes; the payload in 50, then the rest */
	size_t n = frame(buf, text);
	int fd = writer(buf, (int[]){1, 3, 50, (int)n - 54, 0});
	expect(fd, text, "that came in pieces of 1, 3, 50 and 250 bytes");
	expect_end(fd, 0, 0, "at end of file after a whole message");

	/* two messages in one write, then a third alone */
	n = frame(buf, "first");
	n += frame(buf + n, "second message");
	size_t m = frame(buf + n, "third");
	fd = writer(buf, (int[]){(int)n, (int)m, 0});
	expect(fd, "first", "followed at once by another in the same write");
	expect(fd, "second message", "that came behind another one");
	expect(fd, "third", "after two");
	expect_end(fd, 0, 0, "at end of file after three messages");

	/* signals every 5 ms while the rest of a message is awaited */
	struct sigaction sa = {.sa_handler = nothing}; /* no SA_RESTART */
	sigaction(SIGALRM, &sa, NULL);
	struct itimerval every = {{0, 5000}, {0, 5000}}, off = {{0, 0}, {0, 0}};
	n = frame(buf, "interrupted");
	fd = writer(buf, (int[]){2, 2, 5, (int)n - 9, 0});
	setitimer(ITIMER_REAL, &every, NULL);
	expect(fd, "interrupted", "while signals came in (EINTR)");
	setitimer(ITIMER_REAL, &off, NULL);
	drv_deadline(10000, "recv_msg did not return within 10 s");
	expect_end(fd, 0, 0, "at end of file after a whole message");

	/* ends of file inside a message */
	n = frame(buf, "cut short");
	fd = writer(buf, (int[]){2, 0});
	expect_end(fd, -1, EPROTO, "at end of file after 2 bytes of a length");
	fd = writer(buf, (int[]){6, 0});
	expect_end(fd, -1, EPROTO,
		   "at end of file after 2 of 9 bytes of a payload");
	printf("precv: ok: whole messages from pieces, from one write, "
	       "across signals; cut ones refused\n");
	return 0;
}
