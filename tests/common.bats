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

# refused OPTION ARG...: wbtest ARG... exits 2 with nothing on stdout and one
# line on stderr that names OPTION. Unlike wb_bad_input, the arguments are
# passed as they are, so they may hold blanks and control characters.
refused() {
	local blame=$1
	shift
	wb_run -t 5 wbtest "$@"
	if [ "$status" != 2 ] || [ -n "$output" ] || [ -z "$stderr" ] ||
		[[ $stderr == *$'\n'* ]] || [[ $stderr != *"$blame"* ]]; then
		printf 'arguments:' >&2
		printf ' %q' "$@" >&2
		printf '\nexpected exit 2, empty stdout and one line on stderr naming %s\n' "$blame" >&2
		wb_explain
		return 1
	fi
}

@test "input: a number with anything in front of its digits is refused" {
	local c
	# each value alone is accepted (see the test of range ends)
	for c in ' ' $'\t' $'\n' $'\r' $'\v' $'\f' + ++ 0x '\' ' -'; do
		refused --count --count "${c}5"
		refused --ratio --ratio "${c}0.5"
		refused --offset "--offset=${c}5"
		refused --scale "--scale=${c}0.5"
	done
	refused --ratio --ratio 0x1p-1
	refused --count --count 1e1
	refused --offset --offset=--1
}

@test "input: a value with a control character gets a one-line message that shows it escaped" {
	wb_run wbtest --count $'1\n2'
	wb_status 2
	[ "$stderr" = "wbtest: --count: expected an integer from 1 to 100, got '1\\n2'" ]
	wb_run wbtest --color $'re\x1bd\\\x7f\r'
	wb_status 2
	[ "$stderr" = "wbtest: --color: expected one of red, green, got 're\\x1bd\\\\\\x7f\\r'" ]
	wb_run wbtest $'--co\nunt=5'
	wb_status 2
	[ "$stderr" = "wbtest: unknown option '--co\\nunt' (see --help)" ]
	wb_run wbtest $'lo\vose'
	wb_status 2
	[ "$stderr" = "wbtest: unexpected argument 'lo\\vose' (see --help)" ]
	refused --count --count $'5\n'
	refused --ratio --ratio $'0.5\n'
}

@test "input: a very long bad value is cut short in the message" {
	local long
	long=$(printf '9%.0s' {1..5000})
	wb_run wbtest --count "$long"
	wb_status 2
	[ "$stderr" = "wbtest: --count: expected an integer from 1 to 100, got '$(printf '9%.0s' {1..40})...'" ]
}

@test "input: a number that underflows to a value in range is that value" {
	wb_run wbtest --ratio 1e-320
	wb_status 0
	[ "$output" = "count 1 ratio 9.99989e-321 color red verbose 0" ]
	wb_run wbtest --ratio 1e-400
	wb_status 0
	[ "$output" = "count 1 ratio 0 color red verbose 0" ]
	wb_run wbtest --ratio -0 --offset -0
	wb_status 0
	[ "$output" = "count 1 ratio 0 color red verbose 0" ]
	wb_run wbtest --ratio .5 --scale 0.001
	wb_status 0
	[ "${lines[0]}" = "count 1 ratio 0.5 color red verbose 0" ]
	[ "${lines[1]}" = "offset 0 scale 0.001" ]
}

@test "input: overflow, nan and inf are refused, never clamped" {
	local v
	for v in 1e400 -1e400 1e-320x nan -nan NaN inf -inf infinity 1e 1e+ . - -. 0.5.5 '1 '; do
		refused --ratio --ratio "$v"
	done
	for v in 99999999999999999999 -99999999999999999999 9223372036854775808 \
		-9223372036854775809 4294967297 -4294967295 2.0 1e2 - '' 07x; do
		refused --count --count "$v"
		refused --offset "--offset=$v"
	done
}

@test "input: ranges below zero take their ends and refuse one past them" {
	wb_run wbtest --offset -5 --scale 1234567.5
	wb_status 0
	[ "${lines[1]}" = "offset -5 scale 1.23457e+06" ]
	wb_run wbtest --offset=5
	wb_status 0
	[ "${lines[1]}" = "offset 5 scale 1" ]
	refused --offset --offset -6
	refused --offset --offset 6
	refused --scale --scale 0.0009
	refused --scale --scale 1234567.6
}

@test "input: an empty or missing value is refused, also before another option" {
	refused --count --count=
	refused --count --count ''
	refused --ratio --ratio=
	refused --color --color=
	refused --color --color ''
	refused --count --count --verbose
	refused --count --count --help
	refused --color --color --verbose
	wb_run wbtest --count --verbose
	[ "$stderr" = "wbtest: --count: missing value (an integer from 1 to 100)" ]
}

@test "input: an option given twice is refused, even with the same value" {
	refused --count --count 5 --count 5
	refused --count --count=5 --count 6
	refused --ratio --ratio 0.5 --verbose --ratio=0.5
	refused --color --color red --color red
	refused --verbose --verbose --verbose
	wb_run wbtest --count 5 --count 6
	[ "$stderr" = "wbtest: --count: given twice, give it once" ]
}

@test "input: flags take no value, -- and stray arguments are refused" {
	refused --verbose --verbose=
	refused --verbose --verbose=1
	refused --help --help=1
	refused "'--'" --
	refused "'--'" --=5
	refused "'--'" -- --count 5
	refused "'-'" -
	refused "''" ''
	refused --Count --Count 5
	refused --coun --coun 5
	refused ---count ---count 5
	refused extra --count 5 extra
}

@test "input: --help states a number's range in as few digits as read back exactly" {
	wb_run wbtest --help
	wb_status 0
	wb_stdout_has "a range below zero (an integer from -5 to 5)"
	wb_stdout_has "a range of odd ends (a number from 0.001 to 1234567.5)"
}
