#!/usr/bin/env bats
# lab19-pipeline: a word count through stages joined by bounded queues, one
# stage in a child process. The exercise tests never trust wordcount's own
# output: test drivers (tests/drivers/lab19-pipeline/) feed the pipeline a
# text of their own, count it themselves, hold the reducers, inject
# failures into each stage, bring their own instrumented queue, and look at
# /proc/self/task and waitpid for what is left.

load helpers

# The default run (the slow stage as the bottleneck; the starter stuck,
# its watchdog's report) is checked by WORKBOOK.md's markers. 8 lines fit
# in the queues: the starter too ends at once, with its counts wrong.
@test "demo: 8 lines go through the four stages; the report gives each stage's items and times, and checks the counts against one thread's" {
	wb_run wordcount --words 64 --slow-stage 4 --delay-us 200
	wb_status 0
	wb_stdout_has "64 words (8 lines of 8, seed 1) through 4 stages"
	wb_stdout_has "stage 4 (reduce) sleeps 200 us per item"
	[[ $output =~ $'\n'"1 read "\ +1\ +8\  ]]
	wb_stdout_has "the pipeline: 8 lines in"
	wb_stdout_has "the pace of its busiest stage"
	wb_stdout_has "counted 64 words, 28 distinct: the same counts as one thread without queues:"
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
	# malformed numbers, for every option: tests/fuzz.bats
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
