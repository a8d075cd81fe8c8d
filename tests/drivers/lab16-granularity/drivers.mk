# lab16-granularity's test drivers: runs counts the tasks the lab's engine
# runs.
LDFLAGS_lab16-granularity/runs := -Wl,--wrap=run_task
