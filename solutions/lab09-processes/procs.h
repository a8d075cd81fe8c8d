/* procs.h: lab09's pieces, the C side of Python's multiprocessing: how a
 * child ended (its wait status), reaping it, crashing on purpose, and the
 * length-prefixed messages the process pool (pool.h) sends over pipes. */
#ifndef PROCS_H
#define PROCS_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdnoreturn.h>
#include <sys/types.h>

/* status.c */
/* Writes how a child ended, from its wait status, into buf (n bytes):
 * "exit status N" when it called exit(N), or "signal SIGNAME" (SIGSEGV,
 * SIGKILL, ...) when a signal ended it, with " (core dumped)" added when
 * the status says so. Returns buf. */
char *describe_status(int wstatus, char *buf, size_t n);
/* Waits for the child pid (that one, not any other) to end, again if a
 * signal interrupts the wait, and returns its wait status; -1 and errno
 * if there is no such child. Afterwards it is no zombie: it is gone. */
int reap(pid_t pid);
/* The state of process pid from /proc/PID/stat ('R', 'S', 'Z' for a
 * zombie, ...), or 0 when there is no such process. */
char proc_state(pid_t pid);
/* How many children this process has, zombies too, from /proc; lists
 * each (pid and state) on out unless out is NULL. */
int list_children(FILE *out);

/* crash.c */
/* Dereferences NULL, as a buggy C extension would; never returns. */
noreturn void crash(void);

/* msg.c: a message is a 4-byte length (native byte order) and then that
 * many bytes, 1 to MSG_MAX. */
#define MSG_MAX 4096
/* Sends one message of len bytes (1 to MSG_MAX) in one write; 0, or -1
 * and errno. */
int send_msg(int fd, const void *buf, uint32_t len);
/* Reads exactly one message into buf (cap bytes) and returns its length.
 * However the bytes arrive (a few at a time, or with the next message
 * right behind), it takes this message's bytes and no more. Returns 0 at
 * end of file before the message begins; -1 with errno EPROTO at end of
 * file inside a message, or with a length of 0 or above MSG_MAX; EMSGSIZE
 * when the message is longer than cap; or the error of read. */
ssize_t recv_msg(int fd, void *buf, size_t cap);

/* demos.c: the three demonstrations; each returns the program's status */
int demo_zombie(void);
int demo_isolation(int threads);

#endif
