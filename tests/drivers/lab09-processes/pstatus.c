/* pstatus.c: lab09's test driver for describe_status (status.c). Real
 * children end by exit(0..255) and by every signal whose default action
 * ends a process; the driver takes each wait status from waitpid itself
 * and checks what describe_status makes of it: "exit status N", or the
 * signal's name (SIGSEGV), and "core" exactly when the status says so.
 * Prints "pstatus: ok" last. */
#include "drv.h"

#include <ctype.h>

#include "procs.h"

/* s holds word as a whole word: no letter or digit right before or after */
static int has_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = s; (p = strstr(p, word)); p++) {
		int before = p > s &&
			     (p[-1] == '_' || isalnum((unsigned char)p[-1]));
		int after = p[n] == '_' || isalnum((unsigned char)p[n]);
		if (!before && !after)
			return 1;
	}
	return 0;
}

static int child_status(int code, int sig)
{
	pid_t pid = fork();
	if (pid == -1)
		drv_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		if (sig) {
			signal(sig, SIG_DFL);
			sigset_t all;
			sigfillset(&all);
			sigprocmask(SIG_UNBLOCK, &all, NULL);
			raise(sig);
		}
		_exit(code);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid)
		drv_fail("waitpid: %s", strerror(errno));
	return st;
}

static void check_signal(int st, int sig)
{
	char buf[128], name[32];
	snprintf(name, sizeof name, "SIG%s", sigabbrev_np(sig));
	describe_status(st, buf, sizeof buf);
	if (!has_word(buf, name) || strstr(buf, "exit status"))
		drv_fail("a child ended by %s (wait status %#x): "
			 "describe_status says \"%s\"; expected the name %s",
			 name, st, buf, name);
	if (!!strstr(buf, "core") != !!WCOREDUMP(st))
		drv_fail("wait status %#x (%s, %s): describe_status says "
			 "\"%s\"",
			 st, name, WCOREDUMP(st) ? "core dumped" : "no core",
			 buf);
}

int main(void)
{
	drv_name = "pstatus";
	drv_deadline(20000, "the children did not all end within 20 s");
	char buf[128], want[32];
	for (int code = 0; code <= 255; code++) {
		int st = child_status(code, 0);
		describe_status(st, buf, sizeof buf);
		snprintf(want, sizeof want, "%d", code);
		if (!strstr(buf, "exit status") || !has_word(buf, want) ||
		    strstr(buf, "SIG"))
			drv_fail("a child called exit(%d) (wait status %#x): "
				 "describe_status says \"%s\"; expected \"exit "
				 "status %d\"",
				 code, st, buf, code);
	}
	int signals = 0;
	for (int sig = 1; sig < 32; sig++) {
		if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
		    sig == SIGTTOU || sig == SIGCHLD || sig == SIGCONT ||
		    sig == SIGURG || sig == SIGWINCH || !sigabbrev_np(sig))
			continue; /* these stop a process, or do nothing */
		int st = child_status(100, sig);
		if (!WIFSIGNALED(st) || WTERMSIG(st) != sig)
			drv_fail("a child that raised signal %d ended with "
				 "wait status %#x",
				 sig, st);
		check_signal(st, sig);
		/* the same status with the core flag, and without it */
		check_signal(st | 0x80, sig);
		check_signal(st & ~0x80, sig);
		signals++;
	}
	/* A short buffer gets a cut, terminated text and nothing beyond. */
	char small[16];
	memset(small, 'x', sizeof small);
	describe_status(child_status(0, SIGSEGV) | 0x80, small, 8);
	if (memchr(small, '\0', 8) == NULL || small[8] != 'x')
		drv_fail("describe_status(status, buf, 8) wrote past 8 bytes "
			 "or left no terminating 0");
	printf("pstatus: ok: 256 exit codes and %d signals described\n",
	       signals);
	return 0;
}
