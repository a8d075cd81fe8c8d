#!/usr/bin/env bats
# lab07-threadpool: a pool of worker threads with futures, as_completed and
# shutdown. The exercise tests never trust threadpool's own output: test
# drivers (tests/drivers/lab07-threadpool/) submit tasks of their own to the
# tree's pool, make the tasks meet at barriers and wait for each other's
# events, and check the futures, the order and /proc/self/task themselves.

load helpers

@test "demo: the run prints the total time, the time one after another and the speedup" {
	wb_run threadpool --tasks 4 --task-ms 20 --workers 2
	wb_status 0
	wb_stdout_has "4 io-bound tasks of 20 ms on 2 workers"
	wb_stdout_has "one after another they would take"
	wb_stdout_has "speedup"
}

@test "demo: CPU-bound tasks are at best as many at once as there are CPUs" {
	wb_run threadpool --kind cpu --tasks 2 --task-ms 5 --workers 4
	wb_status 0
	wb_stdout_has "2 cpu-bound tasks of 5 ms on 4 workers"
	wb_stdout_has "no more than the workers and the CPUs"
}

@test "input: --csv prints a header and one row" {
	wb_run threadpool --tasks 3 --task-ms 2 --workers 3 --reps 2 --csv
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "kind,workers,tasks,task_ms,cpus,ms_median,ms_min,ms_max,serial_ms,ideal_ms" ]
	[ "$(wb_csv_field kind)" = io ]
	[ "$(wb_csv_field workers)" = 3 ]
	[[ $(wb_csv_field ideal_ms) =~ ^[0-9]+\.[0-9]{2}$ ]]
}

@test "input: --help describes every option and exits 0" {
	wb_run threadpool --help
	wb_status 0
	for o in --kind --task-ms --tasks --workers --reps --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	# The option parser itself is tested in common.bats: here, this
	# program's ranges.
	local rows=("--kind disk" "--kind" "--task-ms 0" "--task-ms 1001"
		"--tasks 0" "--tasks 10001" "--workers 0" "--workers 257"
		"--reps 0" "--reps 51" "--csv=1" "--threads 2")
	wb_bad_input threadpool "${rows[@]}"
}

# weight: 2
@test "exercise: every task runs exactly once, on the pool's workers, and its future holds its result (300 tasks; 1, 3 and 8 workers; ThreadSanitizer)" {
	wb_driver -t 20 --tsan ponce
}

# weight: 1
@test "exercise: W workers run W tasks at once: 4 tasks meeting at a barrier of 4 finish on 4 workers, and not on 3 (the watchdog exits 3)" {
	wb_driver pmeet 4 4 2000
	wb_run pmeet 3 4 300
	wb_status 3
	wb_stdout_has "pmeet: watchdog: no progress for 300 ms"
}

# weight: 1
@test "exercise: pool_map gives the results in submission order while the tasks finish last to first" {
	wb_driver porder map
}

# weight: 2
@test "exercise: as_completed hands out each future as soon as its task ends, in the order they end (forced: 3 0 5 1 4 2)" {
	wb_driver porder ascompleted
}

# weight: 1
@test "exercise: a failing task's error code and message come out of its future; the other tasks complete and the pool goes on" {
	wb_driver perror
}

# weight: 1
@test "exercise: a thread in future_result sleeps on the future's condition variable, waits on when woken for nothing, and wakes when the task ends" {
	wb_driver pfuture
}

# weight: 1
@test "exercise: shutdown(wait) returns once every submitted task has run, and leaves no worker thread in /proc/self/task" {
	wb_driver pstop join
}

# weight: 1
@test "exercise: shutdown(cancel_futures) cancels the queued tasks: their futures say cancelled and they never run; the running task finishes" {
	wb_driver pstop cancel
}
