/* jail.c: runs one lab program (or one compiler call) cut off from all that
 * is not its own, so a hostile submission can harm only its own test.
 *   jail [--build] [--uid N] [--data BYTES] [--hide DIR]... [--keep DIR]...
 *        [--rw DIR]... -- PROG [ARG...]
 * PROG runs in new PID, IPC, network, UTS and mount namespaces: when it ends,
 * everything it started ends (setsid and double forks included); it has no
 * network but a loopback of its own (127.0.0.1); /tmp, /var/tmp and /dev/shm are private and capped at 64 MiB,
 * and /dev/mqueue (where it exists) shows only its own message queues;
 * every --hide folder (the checkout) is covered, except the --keep folders
 * (read-only; PROG's own folder is one unless --build) and --rw folders.
 * As root, PROG runs as a user of its own (uid 100000 + our PID, or --uid),
 * whose process cap no other test shares; as an ordinary user, in a user
 * namespace with no capabilities. Where the kernel allows neither, PROG
 * runs under resource limits only, with a warning. The working folder is
 * the private /tmp, or with --build the first --hide folder.
 * A C program, not a script: it starts hundreds of times in a test run. */
#define _GNU_SOURCE /* unshare, clone flags, mount, prctl, setresuid */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXDIRS 16

struct dir {
	char path[PATH_MAX];
	int fd; /* held open while the paths above it are covered */
	int rw;
};

static struct dir dirs[MAXDIRS];
static int ndirs;
static const char *hides[MAXDIRS];
static int nhides;

static void die(const char *what)
{
	fprintf(stderr, "jail: %s: %s\n", what, strerror(errno));
	exit(125);
}

static void keep(const char *path, int rw)
{
	if (ndirs == MAXDIRS) {
		errno = E2BIG;
		die("--keep");
	}
	struct dir *d = &dirs[ndirs];
	if (!realpath(path, d->path))
		return; /* nothing there to keep */
	d->rw = rw;
	ndirs++;
}

/* Opens the kept folders, in our new mount namespace (a bind mount cannot
 * take its source from another one), before anything covers them. */
static void hold(void)
{
	for (int i = 0; i < ndirs; i++) {
		dirs[i].fd =
			open(dirs[i].path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (dirs[i].fd < 0)
			die(dirs[i].path);
	}
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, text, strlen(text)) < 0 || close(fd) < 0)
		die(path);
}

static void mkdirs(char *path) /* mkdir -p */
{
	for (char *p = path + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	mkdir(path, 0755);
}

static void cover(const char *path, const char *opts)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	    mount("wbjail", path, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
		die(path);
}

/* Puts the kept folders back at their own paths, from the descriptors. */
static void restore(void)
{
	char src[64];
	for (int i = 0; i < ndirs; i++) {
		struct dir *d = &dirs[i];
		struct statvfs vfs;
		snprintf(src, sizeof src, "/proc/self/fd/%d", d->fd);
		mkdirs(d->path);
		if (mount(src, d->path, NULL, MS_BIND | MS_REC, NULL) < 0)
			die(d->path);
		if (d->rw || statvfs(d->path, &vfs) < 0)
			continue;
		/* A remount must keep the flags it has (a user namespace may
		 * not drop them), and add read-only. */
		unsigned long fl = MS_REMOUNT | MS_BIND | MS_RDONLY;
		fl |= (vfs.f_flag & ST_NOSUID ? MS_NOSUID : 0) |
		      (vfs.f_flag & ST_NODEV ? MS_NODEV : 0) |
		      (vfs.f_flag & ST_NOEXEC ? MS_NOEXEC : 0);
		if (mount(NULL, d->path, NULL, fl, NULL) < 0)
			die(d->path);
		close(d->fd);
	}
}

static void limit(int what, rlim_t n)
{
	struct rlimit r = {n, n};
	if (setrlimit(what, &r) < 0)
		die("setrlimit");
}

enum power { NO_ROOT, NS_ROOT, REAL_ROOT }; /* what we are before the drop */

/* The same number of descriptors wherever the tests run (lab18 opens 2000
 * sockets; Debian's soft limit is 1024): 4096, or as many as the hard
 * limit allows where it may not be raised. */
static void open_files(void)
{
	struct rlimit r, want = {4096, 4096};
	if (getrlimit(RLIMIT_NOFILE, &r) < 0)
		die("getrlimit");
	if (setrlimit(RLIMIT_NOFILE, &want) == 0)
		return;
	r.rlim_cur = r.rlim_max;
	if (setrlimit(RLIMIT_NOFILE, &r) < 0)
		die("setrlimit");
}

/* The program's own process: an unprivileged user with caps on processes,
 * file size and core files (and CPU time and memory for a compiler). */
static void become_prisoner(enum power was, uid_t uid, int build, long data)
{
	limit(RLIMIT_NPROC, was == REAL_ROOT ? 1024 : 4096);
	limit(RLIMIT_FSIZE, 16 << 20);
	limit(RLIMIT_CORE, 0);
	open_files();
	if (build) {
		limit(RLIMIT_CPU,
		      getenv("WB_BUILD_CPU")
			      ? strtoul(getenv("WB_BUILD_CPU"), NULL, 10)
			      : 120);
		limit(RLIMIT_AS, 4UL << 30);
	}
	if (data > 0)
		limit(RLIMIT_DATA, (rlim_t)data);
	if (was == REAL_ROOT) {
		if (setgroups(0, NULL) < 0 || setresgid(uid, uid, uid) < 0 ||
		    setresuid(uid, uid, uid) < 0)
			die("setresuid");
	} else if (was == NS_ROOT) {
		/* Root of a user namespace: no capability now or after exec. */
		for (int c = 0; c < 64; c++)
			prctl(PR_CAPBSET_DROP, c, 0, 0, 0);
		prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
		if (prctl(PR_SET_SECUREBITS,
			  SECBIT_NOROOT | SECBIT_NOROOT_LOCKED, 0, 0, 0) < 0)
			die("securebits");
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		die("no_new_privs");
}

/* Process 1 of the new PID namespace: waits for the program, reaps the
 * orphans that come to it, and exits as the program did. */
static int init(pid_t prog)
{
	int st;
	pid_t p;
	while ((p = wait(&st)) != prog)
		if (p < 0 && errno != EINTR)
			die("wait");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* The new network namespace's loopback starts down: bring it up, so that
 * a lab can serve and connect on 127.0.0.1, seen by nobody outside. */
static void loopback_up(void)
{
	struct ifreq ifr = {0};
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
	if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
		die("loopback");
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
		die("loopback up");
	close(fd);
}

static int enter_namespaces(int real_root)
{
	int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWNET |
		    CLONE_NEWUTS;
	if (real_root) {
		if (unshare(flags) < 0)
			return -1;
		loopback_up();
		return 0;
	}
	uid_t uid = getuid();
	gid_t gid = getgid();
	if (unshare(flags | CLONE_NEWUSER) < 0)
		return -1;
	char map[64];
	snprintf(map, sizeof map, "0 %u 1\n", uid);
	write_file("/proc/self/uid_map", map);
	write_file("/proc/self/setgroups", "deny\n");
	snprintf(map, sizeof map, "0 %u 1\n", gid);
	write_file("/proc/self/gid_map", map);
	loopback_up();
	return 0;
}

int main(int argc, char **argv)
{
	int build = 0, i;
	uid_t uid = 100000 + (uid_t)getpid();
	long data = 0;
	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--build"))
			build = 1;
		else if (i + 1 == argc)
			break;
		else if (!strcmp(argv[i], "--uid"))
			uid = (uid_t)strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--data"))
			data = strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--hide") && nhides < MAXDIRS)
			hides[nhides++] = argv[++i];
		else if (!strcmp(argv[i], "--keep") ||
			 !strcmp(argv[i], "--rw")) {
			keep(argv[i + 1], argv[i][2] == 'r');
			i++;
		} else
			break;
	}
	if (i + 1 >= argc || strcmp(argv[i], "--")) {
		fprintf(stderr,
			"usage: jail [--build] [--uid N] [--data BYTES] "
			"[--hide DIR]... [--keep DIR]... [--rw DIR]... -- "
			"PROG [ARG...]\n");
		return 2;
	}
	char **args = argv + i + 1, prog[PATH_MAX];
	if (strchr(args[0], '/') && realpath(args[0], prog)) {
		args[0] = prog;
		if (!build) {
			char dir[PATH_MAX];
			snprintf(dir, sizeof dir, "%s", prog);
			*strrchr(dir, '/') = '\0';
			keep(dir, 0);
		}
	}

	int real_root = geteuid() == 0;
	if (enter_namespaces(real_root) < 0) {
		if (!getenv("WB_JAIL_WARNED"))
			fprintf(stderr,
				"jail: no user namespaces here: %s runs "
				"without isolation\n",
				args[0]);
		become_prisoner(NO_ROOT, 0, build, data);
		execvp(args[0], args);
		die(args[0]);
	}

	/* The pipe's write end closes when we die: process 1 watches it. */
	int alive[2];
	if (pipe2(alive, O_CLOEXEC) < 0)
		die("pipe");
	pid_t first = fork();
	if (first < 0)
		die("fork");
	if (first > 0) { /* outside: wait and pass on the status */
		int st;
		close(alive[0]);
		while (waitpid(first, &st, 0) < 0)
			if (errno != EINTR)
				die("waitpid");
		return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}

	/* Process 1 inside: when the outside dies, we die, and with us the
	 * whole namespace. (If it died before the prctl, the pipe says so.) */
	close(alive[1]);
	struct pollfd gone = {.fd = alive[0], .events = POLLIN};
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0 ||
	    poll(&gone, 1, 0) != 0)
		die("pdeathsig");
	close(alive[0]);
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		die("mount /");
	if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  NULL) < 0)
		die("mount /proc");
	hold();
	cover("/tmp", "size=64m,mode=1777");
	cover("/var/tmp", "size=64m,mode=1777");
	cover("/dev/shm", "size=64m,mode=1777");
	/* The message queues of PROG's IPC namespace, so that a test can see
	 * what a run left there. */
	struct stat mq;
	if (stat("/dev/mqueue", &mq) == 0 && S_ISDIR(mq.st_mode) &&
	    mount("mqueue", "/dev/mqueue", "mqueue",
		  MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
		die("/dev/mqueue");
	for (i = 0; i < nhides; i++)
		cover(hides[i], "size=1m,mode=755");
	restore();
	if (chdir(build && nhides ? hides[0] : "/tmp") < 0)
		die("chdir");

	pid_t prog_pid = fork();
	if (prog_pid < 0)
		die("fork");
	if (prog_pid == 0) {
		become_prisoner(real_root ? REAL_ROOT : NS_ROOT, uid, build,
				data);
		execvp(args[0], args);
		fprintf(stderr, "jail: %s: %s\n", args[0], strerror(errno));
		_exit(127);
	}
	return init(prog_pid);
}
