#!/usr/bin/env bats
# lab20-work-stealing: a tree of tasks that spawn tasks, on one central
# queue or on per-worker deques with stealing. The exercise tests never
# trust steal's own output: test drivers (tests/drivers/lab20-work-stealing/)
# call the deque's ends from threads they control, and run the scheduler
# on trees of their own whose tasks count themselves, wait for each other
# and watch the worker threads (/proc/self/task, pthread_create wrapped).

load helpers

@test "demo: the run shows the tasks of each worker, the steals, the locks and an exact sum, for both strategies" {
	wb_run steal --depth 10 --workers 3
	wb_status 0
	wb_stdout_has "a skewed tree: 1024 leaves, 2047 tasks"
	wb_stdout_has "one central queue: 3 workers"
	wb_stdout_has "a deque per worker: 3 workers"
	wb_stdout_has "2047 tasks ran (a tree of 1024 leaves has 2047); sum 523776, expected 523776"
	wb_stdout_has "one lock for all: taken"
	wb_stdout_has "3 locks, one per deque: taken"
	wb_stdout_has "the busiest worker ran"
}

@test "input: --csv prints a header and one row per worker; the workers' tasks add up to the tree's" {
	wb_run steal --strategy stealing --shape balanced --depth 9 --workers 4 --csv
	wb_status 0
	[ "${#lines[@]}" = 5 ]
	[ "${lines[0]}" = "strategy,shape,depth,workers,worker,tasks,steals,failed_steals,idle_ms,total_ms,sum,expected" ]
	[ "$(wb_csv_field strategy)" = stealing ]
	[ "$(wb_csv_field shape)" = balanced ]
	[ "$(wb_csv_column tasks | awk '{ s += $1 } END { print s }')" = 1023 ]
	[ "$(wb_csv_column sum | awk '{ s += $1 } END { print s }')" = "$(wb_csv_field expected)" ]
}

@test "demo: omptree runs the same tree on OpenMP tasks and on the deques, and compares their times" {
	# --no-tsan: ThreadSanitizer does not understand OpenMP's runtime.
	wb_run --no-tsan omptree --depth 8 --workers 2 --reps 1
	wb_status 0
	wb_stdout_has "a skewed tree of 511 tasks on 2 threads, median of 1 runs"
	wb_stdout_has "OpenMP tasks:"
	wb_stdout_has "the time of OpenMP tasks"
}

@test "input: --help describes every option and exits 0" {
	wb_run steal --help
	wb_status 0
	for o in --workers --strategy --shape --depth --grain --csv; do
		wb_stdout_has "$o"
	done
	wb_run omptree --help
	wb_status 0
	for o in --workers --shape --depth --grain --reps --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=("--workers 65" "--depth 21" "--grain 1000001"
		"--strategy random" "--strategy" "--shape round"
		"--csv=1" "--threads 2")
	wb_bad_int rows --workers
	wb_bad_input steal "${rows[@]}"
	wb_bad_input omptree "--reps 0" "--reps 51" "--workers 65" \
		"--shape x" "--strategy central"
}

# weight: 2
@test "exercise: a steal takes the oldest task (the top) and a pop the newest (the bottom); both say empty when it is, also past the first 64 slots" {
	wb_driver ddeque order
}

# weight: 2
@test "exercise: three thieves steal while the owner pushes and pops: each of 20000 tasks is taken exactly once, each thief's oldest first (ThreadSanitizer)" {
	wb_driver -t 20 --tsan ddeque race
}

# weight: 2
@test "exercise: central queue: no worker quits while a task still runs that spawns more, and all end after the last task (2 to 8 workers, ThreadSanitizer)" {
	wb_driver -t 20 --tsan dterm central
}

# weight: 1
@test "exercise: deques: no worker quits while a task still runs that spawns more, and all end after the last task (2 to 8 workers, ThreadSanitizer)" {
	wb_driver -t 20 --tsan dterm stealing
}

# weight: 3
@test "exercise: every task runs once and the tree's sum is exact on 1 to 16 workers, both strategies and shapes; while the root is busy another worker steals its children (ThreadSanitizer)" {
	wb_driver -t 30 --tsan dtree
}
