/* start.h: four ways to start a child process and wait for it to end,
 * the C side of Python's multiprocessing start methods. */
#ifndef START_H
#define START_H

#include <stdbool.h>
#include <stdio.h>
#include <stdnoreturn.h>
#include <sys/types.h>

/* What a child does: write token to fd (unless fd is -1), then end with
 * exit status `status`. The same job whichever way the child started. */
struct job {
	int fd;         /* where the token goes, or -1 for no token */
	int status;     /* the exit status the child ends with */
	char token[32]; /* proof that the child really ran */
};

/* Each starts one child that does the job, waits for it to end and returns
 * its wait status (decode with WIFEXITED, WEXITSTATUS). On failure returns
 * -1 with errno set; ENOSYS means the method is not written yet. */
int start_fork(const struct job *j);       /* fork, the child runs the job */
int start_fork_exec(const struct job *j);  /* fork, then exec the helper */
int start_spawn(const struct job *j);      /* posix_spawn of the helper */
int start_forkserver(const struct job *j); /* ask the fork server */

/* measure.c: the methods by name, and their timing */
enum { FORK, FORK_EXEC, SPAWN, FORKSERVER, ALL, METHODS = ALL };
extern const char *const method_names[]; /* the names, then "all" */
extern int (*const method_starts[])(const struct job *);
/* Times the chosen method (or ALL) at the parent's present size and prints
 * median, min and max; false if a chosen method is not written yet. */
bool measure(long mb, int chosen, long reps, bool csv);
void say_who(long reps); /* the pids; the repetitions unless reps is 0 */

/* stop.c: SIGTERM and SIGINT end the run between two starts */
void stop_on_signals(void);
void stop_if_asked(void); /* stops the fork server, then ends by the signal */

noreturn void run_job(const struct job *j); /* the child's side */
const char *helper_path(void); /* the helper program, next to this one */
/* The helper's command line for a job: argv[0..4], NULL-terminated. */
void helper_argv(const struct job *j, char *buf, size_t n, char *argv[5]);
int reap(pid_t pid); /* waits for child pid, returns its wait status */

/* The fork server: forked at program start, while this process is small. */
void fs_start(void);
/* Closes the socket, then reaps the server. sig: the signal that ends the
 * program, or 0; a server ended by that same signal is no error. */
void fs_stop(int sig);
pid_t fs_pid(void); /* the server's pid, or 0 when it is not running */
/* fdpass.c: a job over the server's socket, its fd as SCM_RIGHTS */
int send_job(int sock, const struct job *j); /* 0, or -1 and errno */
ssize_t recv_job(int sock, struct job *j);   /* 0 at end of file */

/* Counts the processes whose parent is `parent` (listing each on out,
 * zombies marked), leaving `except` out; 0 means nothing left behind. */
int children_of(pid_t parent, pid_t except, FILE *out);

/* verify.c: start one child, check its token and exit status */
bool verify(const char *name, int (*start)(const struct job *));
int left_behind(void); /* children not reaped, listed on stdout */

/* grow.c: the parent's size */
void grow_mb(long mb);       /* adds mb MiB of written memory, kept */
long mem_available_mb(void); /* MemAvailable from /proc/meminfo */
double vmrss_mb(pid_t pid);  /* resident MiB of a process, or -1 */

#endif
