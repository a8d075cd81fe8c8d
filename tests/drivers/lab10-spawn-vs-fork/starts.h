/* starts.h: the ways a program can start a process, wrapped for lab10's
 * drivers (-Wl,--wrap, drivers.mk). posix_spawn and posix_spawnp work and
 * are counted, with the pid they started; every other way (fork, vfork,
 * exec, system, popen, clone) is counted and refused, so a driver can say
 * that posix_spawn, and nothing else, started the child. Include it once,
 * after proof.h. */
#ifndef STARTS_H
#define STARTS_H
#include <spawn.h>

static int spawns;          /* posix_spawn and posix_spawnp calls */
static pid_t spawned = -1;  /* the pid the last of them started */
static const char *refused; /* the last other way tried, or NULL */

typedef posix_spawn_file_actions_t actions_t;
typedef posix_spawnattr_t attr_t;
int __real_posix_spawn(pid_t *pid, const char *path, const actions_t *fa,
		       const attr_t *at, char *const argv[],
		       char *const envp[]);
int __real_posix_spawnp(pid_t *pid, const char *file, const actions_t *fa,
			const attr_t *at, char *const argv[],
			char *const envp[]);

static int counted(int rc, pid_t *pid, pid_t got)
{
	spawns++;
	if (rc == 0)
		spawned = pid ? *pid : got;
	return rc;
}

int __wrap_posix_spawn(pid_t *pid, const char *path, const actions_t *fa,
		       const attr_t *at, char *const argv[], char *const envp[])
{
	pid_t got = -1;
	int rc = __real_posix_spawn(pid ? pid : &got, path, fa, at, argv, envp);
	return counted(rc, pid, got);
}

int __wrap_posix_spawnp(pid_t *pid, const char *file, const actions_t *fa,
			const attr_t *at, char *const argv[],
			char *const envp[])
{
	pid_t got = -1;
	int rc =
		__real_posix_spawnp(pid ? pid : &got, file, fa, at, argv, envp);
	return counted(rc, pid, got);
}

/* Any other way: noted and refused, as if the system had said no. */
static int refuse(const char *name)
{
	refused = name;
	errno = EPERM;
	return -1;
}
pid_t __wrap_fork(void)
{
	return refuse("fork");
}
pid_t __wrap_vfork(void)
{
	return refuse("vfork");
}
pid_t __wrap__Fork(void)
{
	return refuse("_Fork");
}
int __wrap_system(const char *cmd)
{
	(void)cmd;
	return refuse("system");
}
FILE *__wrap_popen(const char *cmd, const char *mode)
{
	(void)cmd, (void)mode;
	refuse("popen");
	return NULL;
}
int __wrap_clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	(void)fn, (void)stack, (void)flags, (void)arg;
	return refuse("clone");
}
/* The exec family: the arguments do not matter, only the call. */
int __wrap_execv(const char *p, char *const argv[])
{
	(void)p, (void)argv;
	return refuse("execv");
}
int __wrap_execvp(const char *p, char *const argv[])
{
	(void)p, (void)argv;
	return refuse("execvp");
}
int __wrap_execve(const char *p, char *const argv[], char *const envp[])
{
	(void)p, (void)argv, (void)envp;
	return refuse("execve");
}
int __wrap_execvpe(const char *p, char *const argv[], char *const envp[])
{
	(void)p, (void)argv, (void)envp;
	return refuse("execvpe");
}
int __wrap_fexecve(int fd, char *const argv[], char *const envp[])
{
	(void)fd, (void)argv, (void)envp;
	return refuse("fexecve");
}
#define EXECL(name)                                                            \
	int __wrap_##name(const char *p, const char *arg, ...)                 \
	{                                                                      \
		(void)p, (void)arg;                                            \
		return refuse(#name);                                          \
	}
EXECL(execl)
EXECL(execlp)
EXECL(execle)

/* After fn's call: fails unless posix_spawn alone started the child. err:
 * fn's errno if it returned -1, else 0. */
static inline void started(const char *fn, int err)
{
	if (refused)
		fail("%s called %s: posix_spawn alone must start the child", fn,
		     refused);
	if (err == ENOSYS)
		fail("%s is not written yet (-1 with errno ENOSYS)", fn);
	if (err)
		fail("%s failed: %s", fn, strerror(err));
}

#endif
