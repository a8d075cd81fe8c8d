/* hazard.h: forkhazard's lock, and the two ways to start a child that does
 * not inherit it held by a thread the child does not have. */
#ifndef HAZARD_H
#define HAZARD_H

#include <pthread.h>
#include <sys/types.h>

/* The program's own lock, as a logging library would have one. */
extern pthread_mutex_t log_lock;

/* --fix atfork: registers fork handlers, so that every fork waits until no
 * thread holds log_lock, and both copies get it free. */
void guard_log_lock(void);

/* --fix spawn: starts this very program afresh as the child, with
 * --child --watchdog-ms ms. Returns its pid (the caller reaps it), or -1
 * with errno set; ENOSYS means it is not written yet. */
pid_t spawn_self(long watchdog_ms);

#endif
