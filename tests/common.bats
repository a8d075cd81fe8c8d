#!/usr/bin/env bats
# common: the shared library every lab uses (driven through tests/unit/wbtest.c).

load helpers
WB_LAB=common

@test "input: options take --name value and --name=value" {
	wb_run wbtest --count 7 --ratio=0.25 --color green --verbose
	wb_status 0
	[ "$output" = "count 7 ratio 0.25 color green verbose 1" ]
}

@test "input: the ends of every range are accepted" {
	wb_run wbtest --count 1 --ratio 0
	wb_status 0
	wb_run wbtest --count 100 --ratio 1
	wb_status 0
	[ "$output" = "count 100 ratio 1 color red verbose 0" ]
}

@test "input: bad values of every kind exit 2 with one line naming the option" {
	local rows=()
	wb_bad_int rows --count
	rows+=("--count 101" "--ratio 1.5" "--ratio -0.1" "--ratio nan" "--ratio 0.5x"
		"--ratio" "--ratio 1e999" "--color blue" "--color" "--verbose=1"
		"--nope" "-x" "loose" "--count= 5")
	wb_bad_input wbtest "${rows[@]}"
}

@test "input: the error says what the option accepts" {
	wb_run wbtest --count 0
	wb_status 2
	[ "$stderr" = "wbtest: --count: expected an integer from 1 to 100, got '0'" ]
	wb_run wbtest --color blue
	[ "$stderr" = "wbtest: --color: expected one of red, green, got 'blue'" ]
}

@test "input: --help lists every option with its range and exits 0" {
	wb_run wbtest --help
	wb_status 0
	wb_stdout_has "--count"
	wb_stdout_has "an integer from 1 to 100"
	wb_stdout_has "one of red, green"
	wb_stdout_has "--help"
}

@test "demo: median, min and max are right for odd, even and single samples" {
	wb_run wbtest --stats
	wb_status 0
	[ "${lines[0]}" = "odd 3 1 5" ]
	[ "${lines[1]}" = "even 2.5 1 4" ]
	[ "${lines[2]}" = "one 7 7 7" ]
}

@test "demo: the watchdog ends a stall with status 3 and says what it saw" {
	local t0=$SECONDS
	wb_run wbtest --stall 300
	wb_status 3
	wb_stderr_has "watchdog: no progress for 300 ms"
	wb_stderr_has "nobody moves"
	((SECONDS - t0 < 5))
}

@test "demo: a team of threads runs every member once" {
	for n in 1 2 7 64; do
		wb_run wbtest --team "$n"
		wb_status 0
		[ "${lines[0]}" = "team $n" ]
	done
}

@test "demo: machine facts are plausible and the burn is the guide's sum" {
	wb_run wbtest --machine --burn
	wb_status 0
	[ "${lines[0]}" = "cpus $(nproc)" ]
	[[ ${lines[1]} =~ ^line\ (32|64|128|256)$ ]]
	wb_stdout_has "CPUs, Linux"
	wb_stdout_has "burn 285"
}
