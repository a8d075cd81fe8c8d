/* measure.h: lab01's exercise: a wall/CPU pair around one function call,
 * and the verdict that pair supports. */
#ifndef MEASURE_H
#define MEASURE_H

/* What one call cost. Times are in seconds; switches are counts. */
struct usage {
	double wall; /* elapsed, on a monotonic clock */
	double user; /* CPU time in user mode, every thread of the process */
	double sys;  /* CPU time in the kernel on the process's behalf */
	long vcsw;   /* voluntary switches: the process waited (I/O, sleep) */
	long ivcsw;  /* involuntary: the scheduler took the CPU away */
};

/* The verdicts, by the busy share cpu / wall, where cpu = user + sys and
 * wall leaves out the time the job sat ready in the run queue (on a busy
 * machine a busy loop waits there for its turn: that is not I/O). */
enum verdict { UNKNOWN, IO_BOUND, MIXED, CPU_BOUND };

/* Below IO_BELOW the job waits at least 4/5 of its time; from CPU_FROM on
 * it computes at least 4/5. A sleep stays near 0 and a busy loop near 1,
 * however busy the machine is, once queueing is left out of wall. */
#define IO_BELOW 0.2
#define CPU_FROM 0.8

/* Runs work(arg) once and returns what it cost the whole process. */
struct usage measure(void (*work)(void *), void *arg);
/* The verdict for a job that took wall seconds and cpu (user + sys). */
enum verdict judge(double wall, double cpu);

#endif
