/* shell.c: run_tool from outside. The tool is this driver itself, linked
 * as "recorder" in a private folder put first on PATH: run by that name it
 * writes its arguments to argv.rec and exits 3 + the length of its
 * argument. `shell payloads`: for each name in a table of shell payloads,
 * the tool ran once, with the name as its one argument, byte for byte, and
 * no file appeared. `shell status`: run_tool hands back the tool's exit
 * status, leaves no child, and never calls system() or popen(). */
#define _GNU_SOURCE /* readlink, setenv */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "safety.h"
#include "verdict.h"

static int systems, popens; /* calls from the lab's code */
int __real_system(const char *line);
FILE *__real_popen(const char *line, const char *mode);
int __wrap_system(const char *line)
{
	systems++;
	return __real_system(line);
}
FILE *__wrap_popen(const char *line, const char *mode)
{
	popens++;
	return __real_popen(line, mode);
}

/* The recorder: each argument as its length (4 bytes) and its bytes. */
static int record(int argc, char **argv)
{
	int fd = open("argv.rec", O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd < 0)
		return 99;
	unsigned char rec[8192];
	size_t at = 0;
	for (int i = 1; i < argc; i++) {
		size_t k = strlen(argv[i]);
		if (k > sizeof rec - at - 4)
			return 98;
		put32(rec + at, (uint32_t)k);
		memcpy(rec + at + 4, argv[i], k);
		at += 4 + k;
	}
	put32(rec + at, UINT32_MAX); /* the end of one run's record */
	at += 4;
	if (write(fd, rec, at) != (ssize_t)at)
		return 97;
	close(fd);
	return argc > 1 ? 3 + (int)(strlen(argv[1]) % 100) : 2;
}

static char dir[] = "/tmp/drv22-XXXXXX";

/* Removes the folder and what is in it. */
static void tidy(void)
{
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlinkat(dirfd(d), e->d_name, 0);
	if (d)
		closedir(d);
	rmdir(dir);
}

/* Tidies, then fails. */
__attribute__((format(printf, 1, 2))) static noreturn void bad(const char *fmt,
							       ...)
{
	char why[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	tidy();
	drv_fail("%s", why);
}

/* Shows a payload in one line: control characters as \n or \xNN. */
static const char *shown(const char *s)
{
	static char out[256];
	size_t o = 0;
	for (; *s && o < sizeof out - 5; s++)
		o += (unsigned char)*s < 32
			     ? (size_t)snprintf(out + o, 5, "\\x%02x", *s)
			     : (size_t)snprintf(out + o, 2, "%c", *s);
	out[o] = '\0';
	return out;
}

/* Runs the recorder on name; checks its record, its status, the folder. */
static void one(const char *name)
{
	unlink("argv.rec");
	int rc = run_tool("recorder", name);
	DIR *d = opendir(".");
	for (struct dirent *e; d && (e = readdir(d));)
		if (e->d_name[0] != '.' && strcmp(e->d_name, "recorder") &&
		    strcmp(e->d_name, "argv.rec") &&
		    strcmp(e->d_name, "notes.txt"))
			bad("name \"%s\": the file %s appeared: the name ran a "
			    "command",
			    shown(name), e->d_name);
	if (d)
		closedir(d);
	unsigned char rec[8192];
	int fd = open("argv.rec", O_RDONLY);
	ssize_t n = fd < 0 ? 0 : read(fd, rec, sizeof rec);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		bad("name \"%s\": the tool never ran (no argv.rec)",
		    shown(name));
	size_t k = strlen(name);
	if (n >= 4 && get32(rec) == UINT32_MAX)
		bad("name \"%s\": the tool got no argument", shown(name));
	if (n < 8 || get32(rec) != k || (size_t)n < 8 + k ||
	    memcmp(rec + 4, name, k) != 0)
		bad("name \"%s\": the tool's first argument is not the name, "
		    "byte for byte",
		    shown(name));
	if (get32(rec + 4 + k) != UINT32_MAX)
		bad("name \"%s\": the tool got more than one argument: the "
		    "name was split",
		    shown(name));
	if ((size_t)n > 8 + k)
		bad("name \"%s\": the tool ran more than once", shown(name));
	if (rc != 3 + (int)(k % 100))
		bad("name \"%s\": run_tool returned %d; the tool exited %d",
		    shown(name), rc, 3 + (int)(k % 100));
}

static const char *const payloads[] = {
	"notes.txt",
	"notes.txt; touch PWNED",
	"my notes.txt",
	"notes.txt && touch PWNED",
	"notes.txt || touch PWNED",
	"notes.txt | touch PWNED",
	"notes.txt & touch PWNED",
	"$(touch PWNED)",
	"`touch PWNED`",
	"notes.txt > PWNED",
	"notes.txt\ntouch PWNED",
	"'; touch PWNED; '",
	"\"; touch PWNED; \"",
	"*",
	"$HOME ~ \\",
	"-n",
	"",
};

int main(int argc, char **argv)
{
	const char *me = strrchr(argv[0], '/');
	if (strcmp(me ? me + 1 : argv[0], "recorder") == 0)
		return record(argc, argv);
	drv_name = "shell";
	if (argc != 2 ||
	    (strcmp(argv[1], "payloads") && strcmp(argv[1], "status")))
		drv_fail("usage: shell payloads|status");
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n < 0)
		drv_fail("readlink /proc/self/exe: %s", strerror(errno));
	exe[n] = '\0';
	if (!mkdtemp(dir) || chdir(dir) != 0)
		drv_fail("a private folder: %s", strerror(errno));
	int fd = creat("notes.txt", 0600);
	if (symlink(exe, "recorder") != 0 || fd < 0 || close(fd) != 0)
		bad("the recorder: %s", strerror(errno));
	char path[8192];
	snprintf(path, sizeof path, "%s:%s", dir,
		 getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	setenv("PATH", path, 1);
	if (strcmp(argv[1], "payloads") == 0) {
		for (size_t i = 0; i < sizeof payloads / sizeof *payloads; i++)
			one(payloads[i]);
		printf("%zu names, shell payloads among them: each reached the "
		       "tool as one argument, and none made a file\n",
		       sizeof payloads / sizeof *payloads);
	} else {
		const char *names[] = {"a", "notes.txt", "0123456789"};
		for (int i = 0; i < 3; i++)
			one(names[i]);
		if (systems || popens)
			bad("run_tool called system() %d times and popen() %d "
			    "times: a shell read the name",
			    systems, popens);
		if (waitpid(-1, NULL, WNOHANG) != -1 || errno != ECHILD)
			bad("run_tool left a child process behind");
		puts("3 names: run_tool handed back each exit status, called "
		     "no shell and left no child");
	}
	tidy();
	puts("shell: ok");
	return 0;
}
