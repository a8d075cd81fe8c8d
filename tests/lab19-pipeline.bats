#!/usr/bin/env bats
# lab19-pipeline: a word count through stages joined by bounded queues, one
# stage in a child process. The exercise tests never trust wordcount's own
# output: test drivers (tests/drivers/lab19-pipeline/) feed the pipeline a
# text of their own, count it themselves, hold the reducers, inject
# failures into each stage, bring their own instrumented queue, and look at
# /proc/self/task and waitpid for what is left.

load helpers

@test "demo: each stage's busy and waiting times show the slow stage as the bottleneck (or the watchdog shows where the lines stopped)" {
	wb_run wordcount --words 4000 --slow-stage 4 --delay-us 200
	if [ "$status" = 3 ]; then
		# The starter: nothing takes lines off the queue to map.
		wb_stderr_has "wordcount: watchdog: no progress"
		wb_stderr_has "queue clean->map holds 8 of 8"
		wb_stderr_has "stage 1 (read), thread 0: waiting for room"
	else
		wb_status 0
		wb_stdout_has "stage 4 (reduce) sleeps 200 us per item"
		wb_stdout_has "the pace of its busiest stage: 4 reduce"
		wb_stdout_has "the most each queue ever held (capacity 8): read->clean 8, clean->map 8, map->reduce 8 8"
		wb_stdout_has "the same counts as one thread without queues: yes"
	fi
}

@test "input: --csv prints a header and one row per stage" {
	wb_run wordcount --words 8 --slow-stage 0 --csv
	wb_status 0
	[ "${#lines[@]}" = 5 ]
	[ "${lines[0]}" = "stage,name,threads,items,busy_ms,wait_in_ms,wait_out_ms,busy_pct,alone_lines_per_s,pipeline_lines_per_s" ]
	[ "$(wb_csv_column name | tr '\n' ' ')" = "read clean map reduce " ]
	[ "$(wb_csv_field threads)" = 1 ]
}

@test "input: --help describes every option and exits 0" {
	wb_run wordcount --help
	wb_status 0
	for o in --words --seed --mappers --reducers --capacity --slow-stage \
		--delay-us --fail-stage --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=("--words 0" "--words 10000001" "--seed -1"
		"--seed 2147483648" "--mappers 9" "--reducers 0" "--reducers 9"
		"--capacity 0" "--capacity 100001" "--slow-stage 5"
		"--delay-us 100001" "--fail-stage 5" "--csv=1" "--threads 2")
	# The parser itself is tested in common.bats: one integer option gets
	# the full table here, the others their ranges.
	wb_bad_int rows --mappers
	wb_bad_input wordcount "${rows[@]}"
}

# weight: 3
@test "exercise: the word counts equal the driver's own count of its text, each word in one reducer (3 seeds; 1 to 4 mappers and reducers; ThreadSanitizer)" {
	wb_driver -t 20 --tsan pcount
}

# weight: 1
@test "exercise: the end of input reaches every thread: after a run no thread is left and the child process is reaped (1 word on 8 mappers and 8 reducers)" {
	wb_driver pleft
}

# weight: 2
@test "exercise: back-pressure: with the reducers held the queues fill and the reader stops; no queue ever holds more than its capacity" {
	wb_driver pdepth
}

# weight: 3
@test "exercise: a failure in any stage (read, clean in the child, map, reduce) stops the whole pipeline with that stage's message; all joined and reaped (ThreadSanitizer)" {
	wb_driver -t 20 --tsan pfail
}

# weight: 1
@test "exercise: pipeline_fail keeps the first failure and shuts down every queue: puts and gets fail at once" {
	wb_driver pfirst
}
