#!/usr/bin/env bats
# lab01-measure: CPU-bound or I/O-bound? Wall time against CPU time.
# The exercise tests never trust bound's own verdicts: the drivers
# (tests/drivers/lab01-measure/) call the tree's measure() and judge() on
# jobs they time themselves; one test holds bound's figures against GNU time.

load helpers

# timed ARG...: runs bound ARG... under /usr/bin/time -f '%e %U %S' in the
# jail (time runs bound as its child, so both are jailed; bound's folder is
# kept for time to find it). Sets $output (bound's stdout) and $timed (time's
# line: wall, user, sys in seconds).
timed() {
	local dir=$WB_BIN/$WB_LAB out=$BATS_TEST_TMPDIR/stdout
	status=0
	timeout -k 2 20 "${WB_JAIL[0]}" --hide "$WB_ROOT" --keep "$dir" -- \
		/usr/bin/time -f '%e %U %S' "$dir/bound" "$@" \
		>"$out" 2>"$BATS_TEST_TMPDIR/stderr" </dev/null 3>&- || status=$?
	output=$(<"$out")
	stderr=$(<"$BATS_TEST_TMPDIR/stderr")
	timed=$(tail -n 1 <<<"$stderr")
	WB_LAST="/usr/bin/time bound $*" WB_LIMIT=20
}

@test "demo: the default run times each kind of job and says what it is" {
	wb_run -t 20 bound --ms 20 --reps 2
	wb_status 0
	wb_stdout_has "clock: CLOCK_MONOTONIC ticks in"
	for k in cpu io mixed; do wb_stdout_has "== $k: 20 ms of work"; done
	wb_stdout_has "cold run: wall"
	wb_stdout_has "2 timed runs: wall median"
	wb_stdout_has "verdict:"
}

@test "input: --csv prints a header and one row per run, the cold one first" {
	wb_run bound --kind mixed --ratio 0.25 --ms 10 --reps 3 --csv
	wb_status 0
	[ "${lines[0]}" = "kind,ms,ratio,run,wall_ms,user_ms,sys_ms,queued_ms,cpu_wall,busy,vcsw,ivcsw,verdict" ]
	[ "${#lines[@]}" = 5 ]
	[ "$(wb_csv_column run | tr '\n' ' ')" = "0 1 2 3 " ]
	[ "$(wb_csv_field kind)" = mixed ]
	[ "$(wb_csv_field ratio)" = 0.25 ]
}

@test "input: --help describes every option and exits 0" {
	wb_run bound --help
	wb_status 0
	for o in --kind --ms --ratio --reps --csv; do wb_stdout_has "$o"; done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --ms
	rows+=("--ms 10001" "--reps 1001" "--ratio -0.1" "--ratio 1.5"
		"--ratio x" "--kind disk" "--kind" "--bogus" "stray" "--csv=1")
	wb_bad_input bound "${rows[@]}"
}

# weight: 2
@test "exercise: measure times busy work: wall and user time as the job itself saw them" {
	wb_run --no-tsan probe cpu
	wb_driver_ok probe
}

# weight: 2
@test "exercise: measure times a sleep on a monotonic clock, with its voluntary switches" {
	wb_run --no-tsan probe io
	wb_driver_ok probe
}

# weight: 1
@test "exercise: measure counts system time (user + sys, not user alone)" {
	wb_run --no-tsan probe sys
	wb_driver_ok probe
}

# weight: 1
@test "exercise: measure counts the CPU of every thread of the process" {
	wb_run --no-tsan probe threads
	wb_driver_ok probe
}

# weight: 3
@test "exercise: judge calls sleeps I/O-bound and busy loops CPU-bound, and between is mixed" {
	wb_run --no-tsan verdicts
	wb_driver_ok verdicts
}

# weight: 1
@test "exercise: bound's figures agree with GNU time's (/usr/bin/time) in the same run" {
	# Tolerance: time's figure minus the sum over bound's runs lies in
	# [-0.02, 0.15] s: time prints hundredths, cut down, and also counts
	# the process start and bound's calibration and clock timing.
	timed --kind mixed --ratio 0.5 --ms 150 --reps 1 --csv
	wb_status 0
	local col i got want
	local -a t
	read -ra t <<<"$timed"
	i=0
	for col in wall_ms user_ms sys_ms; do
		got=$(wb_csv_column $col | awk '{ s += $1 } END { printf "%.4f", s / 1000 }')
		want=${t[$i]}
		i=$((i + 1))
		if ! awk -v g="$got" -v w="$want" 'BEGIN { d = w - g; exit !(d >= -0.02 && d <= 0.15) }'; then
			echo "bound's $col adds up to $got s, GNU time says $want s" >&2
			wb_explain
			return 1
		fi
	done
}
