/* work.h: lab01's workloads: compute, wait, or both in a given ratio. */
#ifndef WORK_H
#define WORK_H

struct job {
	double ms;    /* how long the job should take, unloaded */
	double ratio; /* the share of it spent computing: 1 cpu, 0 io */
};

/* Computes for ms milliseconds of this thread's CPU time. */
void busy_ms(double ms);
/* Waits ms milliseconds in read() on a timerfd: blocked, using no CPU. */
void wait_ms(double ms);
/* The job (a struct job *): slices of busy_ms and wait_ms in its ratio. */
void run_job(void *job);

/* Seconds this thread has waited in the run queue for a CPU so far (the
 * kernel's /proc/self/schedstat); 0 where the kernel does not say. */
double queued(void);

#endif
