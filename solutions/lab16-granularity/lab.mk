# lab16-granularity: the OpenMP engine (openmp.c) needs -fopenmp to compile
# and link; gcc brings libgomp, clang needs the libomp-dev package.
CFLAGS_lab16-granularity := -fopenmp
LDLIBS_lab16-granularity := -fopenmp
