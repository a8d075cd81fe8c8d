# lab15-amdahl: the OpenMP engine (openmp.c) needs -fopenmp to compile and
# link; gcc brings libgomp, clang needs the libomp-dev package.
CFLAGS_lab15-amdahl := -fopenmp
LDLIBS_lab15-amdahl := -fopenmp
