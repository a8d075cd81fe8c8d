#!/usr/bin/env bats
# lab02-threads: start, name and join threads, each with its own argument;
# a detached thread cut off at exit. The exercise tests never trust what
# threads or daemon print: the test drivers (tests/drivers/lab02-threads/)
# call the tree's team_start, team_join, chore_start and chore_lost with
# their own thread bodies and check ids, results, names (in /proc) and the
# background thread's state themselves.

load helpers

# driver [--tsan] NAME [ARG...]: runs a test driver; it passes if it exits 0
# with "NAME: ok" last and ThreadSanitizer (in a --tsan build) says nothing.
driver() {
	local opts=()
	[[ $1 == --tsan ]] && opts+=("$1") && shift
	wb_run -t 20 "${opts[@]}" "$@"
	wb_driver_ok "$1" || return 1
	[[ $stderr != *ThreadSanitizer* ]] && return 0
	echo "expected ThreadSanitizer to find nothing" >&2
	wb_explain
	return 1
}

@test "demo: threads lists its threads by name, then says which ids were received and what join collected" {
	wb_run threads --threads 8
	wb_racy_status 0
	wb_stdout_has "threads now (/proc/self/task/*/comm): threads"
	wb_stdout_has "8 threads started; ids 0 to 7; received:"
	wb_stdout_has "results through join: sum"
}

@test "demo: daemon exits after main's work and says how many background steps were done and lost" {
	wb_run daemon --steps 1000 --step-us 1000 --main-ms 50
	wb_status 0
	wb_stdout_has "the background work needs 1.00 s"
	[[ $output =~ background\ thread:\ ([0-9]+)\ of\ 1000\ steps\ done,\ ([0-9]+)\ lost ]]
}

@test "demo: daemon does not wait for 100 s of background work: exit ends the detached thread" {
	wb_run -t 5 daemon --steps 100000 --step-us 1000 --main-ms 10
	wb_status 0
}

# weight: 4
@test "exercise: every thread gets an argument of its own: ids 0 to n-1 each read exactly once (1 to 256 threads)" {
	# teamcheck's threads read their argument only after team_start has
	# returned, so &i shared by all is caught on every run.
	driver teamcheck ids worker 1 2 3 5 8 17 64 100 256
}

# weight: 2
@test "exercise: team_join keeps what each thread returned in that thread's slot" {
	driver teamcheck results worker 1 2 7 64 256
}

# weight: 1
@test "exercise: each thread is named worker-<i> in /proc/self/task/*/comm when team_start returns" {
	driver teamcheck names worker 1 12
}

# weight: 1
@test "exercise: a name longer than 15 bytes is cut in its prefix, so the number stays and names stay distinct" {
	driver teamcheck names downloader-thread 9 12
}

# weight: 2
@test "exercise: the background thread is detached, never joined, and chore_lost counts the steps not done" {
	driver bgcheck
}

@test "input: --help describes every option and exits 0" {
	wb_run threads --help
	wb_status 0
	wb_stdout_has --threads
	wb_run daemon --help
	wb_status 0
	for o in --steps --step-us --main-ms; do wb_stdout_has "$o"; done
}

# A few rows per program: tests/fuzz.bats tries every option thoroughly.
@test "input: bad options are refused with exit 2 and one line naming the option" {
	wb_bad_input threads "--threads abc" "--threads 0" "--threads 257" \
		"--threads" "--bogus"
	wb_bad_input daemon "--steps 12x" "--steps 0" "--steps 1000001" \
		"--step-us -3" "--step-us 1000001" "--main-ms 0" \
		"--main-ms 10001" "--main-ms=" "stray"
}
