# lab15-amdahl's test drivers: threadcheck watches the threads the lab makes
# and joins, and which thread computes each unit of work.
LDFLAGS_lab15-amdahl/threadcheck := -Wl,--wrap=pthread_create \
	-Wl,--wrap=pthread_join -Wl,--wrap=do_part -Wl,--wrap=unit_sum
