#!/usr/bin/env bats
# lab14-false-sharing: per-thread counters, packed side by side or padded to
# a cache line each. Timing is never asserted: layouts and counts are.
# The exercise tests never trust falseshare's own output: the driver
# tests/drivers/lab14-false-sharing/lines.c runs the tree's bench() and
# looks at the counters its threads really used.

load helpers

# layout_check LAYOUT THREADS LINES: --show-layout lists THREADS counters
# on LINES different cache lines.
layout_check() {
	wb_run falseshare --show-layout --layout "$1" --threads "$2"
	wb_status 0 || return 1
	local lines counters distinct
	lines=$(sed -n 's/^counter [0-9]*: offset [0-9]*, cache line \([0-9]*\)$/\1/p' <<<"$output")
	counters=$(grep -c . <<<"$lines")
	distinct=$(sort -u <<<"$lines" | grep -c .)
	[ "$counters $distinct" = "$2 $3" ] && return 0
	echo "$1, $2 threads: expected $2 counters on $3 different cache lines, got $counters on $distinct" >&2
	wb_explain
	return 1
}

@test "demo: the default run measures both layouts and counts every increment" {
	wb_run falseshare --iters 200000 --reps 2
	wb_status 0
	wb_stdout_has "packed (8 bytes apart): counted 400000 of 400000"
	wb_stdout_has "counted 400000 of 400000, "
	wb_stdout_has "ns per increment"
	[ "$(grep -c 'counted 400000 of 400000' <<<"$output")" = 2 ]
}

@test "demo: --show-layout puts packed counters side by side on shared cache lines" {
	local n
	# 8-byte counters, 8 to a line, the array starting on a line
	for n in 2 3 8 9; do
		layout_check packed "$n" $(((n + 7) / 8)) || return 1
	done
	wb_stdout_has "threads share lines"
}

@test "demo: the driver sees packed counters share cache lines where the threads count" {
	wb_run lines packed 2000 2 9
	wb_driver_ok lines
}

# weight: 8
@test "exercise: no two padded counters share a cache line, where the threads really count" {
	# lines runs bench() and, when it frees its counters, maps each
	# thread's counter to cache lines and checks it holds its increments.
	wb_run lines padded 2000 2 3 8 9
	wb_driver_ok lines
}

# weight: 2
@test "exercise: the demo still compares: packed counters share a line, padded ones do not" {
	wb_run lines both 2000 2 9
	wb_driver_ok lines
}

@test "demo: both layouts count every increment at 1 to 8 threads: false sharing is slow, not wrong" {
	local n
	for n in 1 2 3 8; do
		wb_run falseshare --threads "$n" --iters 20000 --reps 1 --csv
		wb_status 0 || return 1
		[ "$(wb_csv_column counted | sort -u)" = $((n * 20000)) ] || {
			echo "$n threads: expected $((n * 20000)) in both rows" >&2
			wb_explain
			return 1
		}
	done
}

@test "demo: ThreadSanitizer finds no data race: each counter has one writer" {
	local l
	for l in packed padded; do
		wb_run -t 30 --tsan falseshare --layout "$l" --threads 4 --iters 2000 --reps 1
		wb_tsan_clean || return 1
	done
}

@test "input: --csv prints a header and one row per layout" {
	wb_run falseshare --threads 2 --iters 1000 --reps 1 --csv
	wb_status 0
	[ "${#lines[@]}" = 3 ]
	[ "${lines[0]}" = "layout,threads,iters,stride,expected,counted,ns_median,ns_min,ns_max" ]
	[[ ${lines[1]} == packed,2,1000,8,2000,2000,* ]]
	[[ ${lines[2]} == padded,2,1000,* ]]
}

@test "input: --help describes every option and exits 0" {
	wb_run falseshare --help
	wb_status 0
	for o in --threads --iters --layout --show-layout --reps --csv; do wb_stdout_has "$o"; done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --threads
	rows+=("--threads 257" "--iters 1000000001" "--layout loose" "--layout"
		"--show-layout=yes" "--csv --show-layout" "--bogus" "stray")
	wb_bad_input falseshare "${rows[@]}"
}
