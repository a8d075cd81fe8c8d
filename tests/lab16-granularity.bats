#!/usr/bin/env bats
# lab16-granularity: tasks handed out to workers a chunk at a time. Times
# are never asserted. The exercise tests run test drivers
# (tests/drivers/lab16-granularity/) that call the tree's next_chunk from
# many threads at once and log every chunk it hands out, and one that runs
# the lab's engine with run_task wrapped, counting each task.

load helpers

# Tiny runs: well under 100 ms each.
SMALL=(--tasks 3000 --task-ns 0 --reps 1 --workers 2)

@test "demo: the run prints a row per chunk size and what the rows show" {
	wb_run granularity "${SMALL[@]}"
	wb_status 0
	wb_stdout_has "3000 tasks of 0 ns on 2 workers"
	wb_stdout_has "    chunk    chunks   total ms   min ms   max ms  biggest chunk"
	[[ ${lines[3]} =~ ^\ +1\ +[0-9]+\  ]]
	[[ $output == *"chunk 1 took"* || $output == *"one task at a time (TODO(lab16)"* ]] || {
		echo "expected a line comparing chunk 1 with the best, or saying the dispatcher hands out one task at a time" >&2
		wb_explain
		return 1
	}
}

@test "demo: skewed tasks: the run names the biggest chunk's share of the work" {
	wb_run granularity --tasks 200 --task-ns 100 --skew 10 --workers 2 --reps 1
	wb_status 0
	wb_stdout_has "skewed: task 0 takes 11x as long, 1100 ns"
	[[ $output == *"(tasks / workers, like schedule(static)): one chunk held"* ||
		$output == *"one task at a time (TODO(lab16)"* ]] || {
		echo "expected the line about the biggest chunk (or the starter's line)" >&2
		wb_explain
		return 1
	}
}

@test "demo: the OpenMP engine runs the same sweep, dynamic and guided" {
	local s
	for s in dynamic guided; do
		# --no-tsan: ThreadSanitizer does not understand OpenMP's runtime.
		wb_run --no-tsan granularity --engine openmp --schedule "$s" "${SMALL[@]}" --csv
		wb_status 0 || return 1
		[ "$(wb_csv_column chunk | paste -sd ' ')" = "1 4 16 64 256 1024 1500 3000" ]
		[ "$(wb_csv_column chunks | sort -u)" = -1 ]
	done
}

@test "input: --csv prints a header and one row per chunk size" {
	wb_run granularity --tasks 1000 --task-ns 0 --chunk 7 --reps 2 --workers 3 --csv
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "engine,schedule,workers,tasks,task_ns,skew,chunk,cpus,ms_median,ms_min,ms_max,chunks,big_share,big_ms" ]
	[ "$(wb_csv_field engine)" = lab ]
	[ "$(wb_csv_field chunk)" = 7 ]
	[ "$(wb_csv_field workers)" = 3 ]
	[[ $(wb_csv_field ms_median) =~ ^[0-9]+\.[0-9]{3}$ ]]
}

@test "input: --help describes every option and exits 0" {
	wb_run granularity --help
	wb_status 0
	local o
	for o in --workers --tasks --task-ns --skew --chunk --schedule --engine --reps --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	# tests/fuzz.bats tries every option with every kind of bad value;
	# here, the limits and the check across options (at most 1 s of work
	# a run).
	local rows=("--workers 257" "--tasks 2000001" "--task-ns 1000000001"
		"--skew 1001" "--chunk 2000001" "--schedule static" "--engine tbb"
		"--task-ns 1000000 --tasks 2000" "--task-ns 100000 --tasks 2000 --skew 20"
		"stray")
	wb_bad_input granularity "${rows[@]}"
}

# weight: 3
@test "exercise: dynamic: 8 threads racing get each index exactly once, in chunks of exactly k, the last cut at n (k = 1, 3, 64, k = n, k > n; ThreadSanitizer)" {
	wb_driver --tsan dynamic race
}

# weight: 2
@test "exercise: dynamic: the chunks come out as [0, k), [k, 2k), ... cut at n (n not a multiple of k, k > n, n = 1), then next_chunk returns 0 for ever" {
	wb_driver dynamic edges
}

# weight: 2
@test "exercise: guided: with r left a chunk holds max(min, r / 2W) to max(min, ceil(r / W)) indices: big first, shrinking, never below min but the last" {
	wb_driver guided steps
}

# weight: 2
@test "exercise: guided: 8 threads racing get each index exactly once, no chunk below min but the last (ThreadSanitizer)" {
	wb_driver --tsan guided race
}

# weight: 1
@test "exercise: the lab's engine runs every task exactly once, in ceil(n / k) chunks (ThreadSanitizer)" {
	wb_driver --tsan runs
}
