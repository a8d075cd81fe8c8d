# lab23-cluster: an Open MPI program. mpicc is only a wrapper that adds
# Open MPI's flags; the Makefile compiles with $(CC) (gcc, clang, the
# sanitizers), so it asks mpicc for those flags. Empty without Open MPI:
# then `make deps-check` names the missing packages.
CFLAGS_lab23-cluster := $(shell mpicc -showme:compile 2>/dev/null)
LDLIBS_lab23-cluster := $(shell mpicc -showme:link 2>/dev/null)
