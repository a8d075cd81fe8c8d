/* law.h: what theory says about speedup, as pure functions of numbers.
 * s is the serial fraction (0 to 1), n the number of threads (1 or more). */
#ifndef LAW_H
#define LAW_H

/* Amdahl (fixed problem size): the speedup n threads can give at most. */
double amdahl(double s, int n);

/* Gustafson (fixed time): the speedup when the parallel part grows with n. */
double gustafson(double s, int n);

/* Karp-Flatt: the serial fraction that explains a measured speedup S on
 * n threads. NaN for n = 1, where one thread says nothing about it. */
double karp_flatt(double speedup, int n);

#endif
