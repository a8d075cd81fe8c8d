# lab20-work-stealing: omptree.c runs the same tree with OpenMP tasks, so
# the lab builds with -fopenmp (gcc brings libgomp; clang needs libomp-dev).
CFLAGS_lab20-work-stealing := -fopenmp
LDLIBS_lab20-work-stealing := -fopenmp
RUN_lab20-work-stealing := steal
