#!/usr/bin/env bats
# fuzz: every option of every lab program gets malformed, extreme, missing
# and duplicated values; each must be refused cleanly (CONVENTIONS.md §4):
# exit status 2, nothing on stdout, one line on stderr naming the option;
# never a signal, a hang or a sanitizer report. Options and ranges come from
# each program's --help: "--name  help (an integer from A to B)", "(a number
# from A to B)", "(one of x, y)", and nothing in brackets for a flag.
#
# Per numeric option: MIN-1, MAX+1, one malformed number (a list of them,
# leading blanks and control characters, '+', trailing garbage, an embedded
# newline, nan, inf, overflow, empty, is dealt over the options from a start
# that differs per lab), and the option twice. Per choice: a wrong name, a
# near miss, the option twice. Per flag: a value, the flag twice. Per
# program: a missing value, options that are not options, and a number that
# underflows into its range (1e-320 in 0..1), which must be accepted: it
# goes before an unknown option, and that must be the one blamed (wb_parse
# reads left to right, so no work is run). Then cheap real runs: every
# number at its MIN (less those another MIN rules out), alone and with each
# choice and each flag; they must end with status 0 to 3, with one line on
# stderr for 1 and 2 (3 is a watchdog, which reports at length). Programs
# that take positional arguments (POSITIONAL below) get the same treatment.
#
# The cases depend on --help alone, so every run tries the same ones. They
# run on one worker per CPU, each in its own folder; failures are reported
# in the order of the cases, with the arguments quoted as for bash.

load helpers

SOLUTIONS=$BATS_TEST_DIRNAME/../solutions
US=$'\x1f' # separates the fields of a case
NOPE=--no-such-option
# Programs that take positional arguments instead of options, in their
# order: NAME:MIN:MAX for an integer (MAX empty: unbounded), NAME:LENGTH for
# a text of 1 to LENGTH characters.
declare -gA POSITIONAL=(
	[lab10-spawn-vs-fork/child]="FD:0:2147483647 TOKEN:31 STATUS:0:255"
)

# add BLAME EXPECT PROG ARG...: one case. EXPECT is "bad" (refused, BLAME
# named) or "run" (any clean end).
add() {
	local c=$1 a
	shift
	for a in "$@"; do
		c+=$US$a
	done
	CASES+=("$c")
}

# bad PROG OPTION VALUE: refused, as "--opt VALUE" or "--opt=VALUE" in turn.
bad() {
	if ((${#CASES[@]} % 2)); then
		add "$2" bad "$1" "$2=$3"
	else
		add "$2" bad "$1" "$2" "$3"
	fi
}

# malformed N V: sets BADNUM to the Nth (mod their number) malformed
# spelling of the good number V.
malformed() {
	local all=(" $V" $'\n'"$V" $'\r'"$V" $'\v'"$V" $'\f'"$V" $'\t'"$V" "+$V"
		"$V"$'\n'"$V" "${V}x" abc "" nan inf 1e400 99999999999999999999)
	BADNUM=${all[$1 % ${#all[@]}]}
	MALFORMED_N=${#all[@]}
}

# fuzz_options PROG: cases for PROG from its --help in $output.
fuzz_options() {
	local prog=$1 line o rest k i c V below above first
	local names=() lows=() highs=() mins=() fewer=() choices=() flags=()
	while IFS= read -r line; do
		[[ $line =~ ^\ \ (--[a-z0-9][a-z0-9-]*)\ +(.*)$ ]] || continue
		o=${BASH_REMATCH[1]} rest=${BASH_REMATCH[2]}
		[ "$o" != --help ] || continue
		if [[ $rest =~ \((an\ integer|a\ number)\ from\ ([^\ ]+)\ to\ ([^\ ]+)\)$ ]]; then
			names+=("$o") lows+=("${BASH_REMATCH[2]}")
			highs+=("${BASH_REMATCH[3]}")
			mins+=("$o" "${BASH_REMATCH[2]}")
			# 1e-320 underflows (strtod says ERANGE) to a value in range
			[[ ${BASH_REMATCH[1]} == *number && ${BASH_REMATCH[2]} == 0 ]] &&
				add "$NOPE" bad "$prog" "$o=1e-320" "$NOPE"
		elif [[ $rest =~ \(one\ of\ ([^()]+)\)$ ]]; then
			choices+=("$o ${BASH_REMATCH[1]//,/}")
		else
			flags+=("$o")
		fi
	done <<<"$output"
	((${#names[@]} + ${#choices[@]} + ${#flags[@]})) || return 1
	# The real runs start from every number at its MIN, less those that
	# another option's MIN rules out (such a run is refused, exit 2, by
	# "prog: --name: ...").
	for k in "${!names[@]}"; do
		wb_run -t 5 --no-tsan "$prog" "${mins[@]}"
		[ "$status" = 2 ] && [[ $stderr =~ ^[^:]*:\ (--[a-z0-9-]+): ]] || break
		fewer=()
		for ((i = 0; i < ${#mins[@]}; i += 2)); do
			[ "${mins[i]}" = "${BASH_REMATCH[1]}" ] ||
				fewer+=("${mins[i]}" "${mins[i + 1]}")
		done
		((${#fewer[@]} < ${#mins[@]})) || break
		mins=("${fewer[@]}")
	done

	for k in "${!names[@]}"; do
		o=${names[k]} V=${lows[k]}
		# one past each end (awk: the numbers need not be integers)
		read -r below above < <(awk -v lo="$V" -v hi="${highs[k]}" \
			'BEGIN { printf "%.15g %.15g\n", lo - 1, hi + 1 }')
		bad "$prog" "$o" "$below"
		bad "$prog" "$o" "$above"
		malformed $((ROT++))
		bad "$prog" "$o" "$BADNUM"
		add "$o" bad "$prog" "$o" "$V" "$o=$V"
	done
	for c in "${choices[@]}"; do
		read -r o rest <<<"$c"
		first=${rest%% *}
		bad "$prog" "$o" no-such-name
		case $((ROT++ % 4)) in
		0) bad "$prog" "$o" " $first" ;;
		1) bad "$prog" "$o" "${first^^}" ;;
		2) bad "$prog" "$o" "$first"$'\n' ;;
		3) bad "$prog" "$o" "" ;;
		esac
		add "$o" bad "$prog" "$o" "$first" "$o" "$first"
		for first in $rest; do
			add "" run "$prog" "${mins[@]}" "$o" "$first"
		done
	done
	for o in "${flags[@]}"; do
		add "$o" bad "$prog" "$o=1"
		add "$o" bad "$prog" "$o" "$o"
		add "" run "$prog" "${mins[@]}" "$o"
	done
	add "" run "$prog" "${mins[@]}"
	# a value missing: at the end, empty, or before the next option
	o=${names[0]:-${choices[0]%% *}}
	if [ -n "$o" ]; then
		case $((ROT++ % 3)) in
		0) add "$o" bad "$prog" "$o" ;;
		1) add "$o" bad "$prog" "$o=" ;;
		2) add "$o" bad "$prog" "$o" "$NOPE" ;;
		esac
	fi
	add "$NOPE" bad "$prog" "$NOPE=1"
	add "'--'" bad "$prog" --
	add "''" bad "$prog" ""
}

# fuzz_positional PROG SPEC: PROG takes the arguments named in SPEC.
fuzz_positional() {
	local prog=$1 spec i k name lo hi V ok=() args nums=()
	read -r -a spec <<<"$2"
	# good arguments: 1 for a number (where that is in range), "x" for text
	for i in "${!spec[@]}"; do
		IFS=: read -r name lo hi <<<"${spec[i]}"
		if [[ ${spec[i]} == *:*:* ]]; then
			((lo <= 1 && (${hi:-1} >= 1))) && ok+=(1) || ok+=("$lo")
			nums+=("$i")
		else
			ok+=(x)
		fi
	done
	add "" run "$prog" "${ok[@]}"
	# too few and too many: never run with a shifted meaning
	add "" bad "$prog" ""
	add "" bad "$prog" "${ok[@]:0:${#ok[@]}-1}"
	add "" bad "$prog" "${ok[@]}" "${ok[0]}"
	for i in "${!spec[@]}"; do
		IFS=: read -r name lo hi <<<"${spec[i]}"
		args=("${ok[@]}")
		if [[ ${spec[i]} != *:*:* ]]; then
			for k in "" "$(printf 'x%.0s' $(seq 0 "$lo"))"; do
				args[i]=$k
				add "$name" bad "$prog" "${args[@]}"
			done
			continue
		fi
		# below, above, and a number that wraps to a good one as an int
		for k in $((lo - 1)) ${hi:+$((hi + 1))} $((4294967296 + ok[i])); do
			args[i]=$k
			add "$name" bad "$prog" "${args[@]}"
		done
	done
	malformed 0
	for ((k = 0; k < MALFORMED_N; k++)); do
		i=${nums[k % ${#nums[@]}]}
		V=${ok[i]}
		malformed "$k"
		args=("${ok[@]}")
		args[i]=$BADNUM
		IFS=: read -r name lo hi <<<"${spec[i]}"
		add "$name" bad "$prog" "${args[@]}"
	done
}

# judge N BLAME EXPECT PROG ARG...: runs one case; prints why it failed.
judge() {
	local n=$1 blame=$2 expect=$3 why=""
	shift 3
	if [ "$expect" = run ]; then
		# a real run: a demonstration of a race is no finding here
		wb_run -t 5 --no-tsan "$@"
	else
		wb_run -t 5 "$@"
	fi
	if [[ $stderr == *Sanitizer* || $stderr == *"runtime error:"* ]]; then
		why="a sanitizer report"
	elif ((status == 124 || status == 137)); then
		why="hung: killed after 5 s"
	elif ((status > 128 && status < 128 + 65)); then
		why="killed by signal $((status - 128))"
	elif [ "$expect" = run ]; then
		if ((status > 3)); then
			why="expected exit status 0 to 3"
		elif ((status == 1 || status == 2)) && [[ $stderr == *$'\n'* ]]; then
			why="expected one line on stderr"
		fi
	elif [ "$status" != 2 ]; then
		why="expected exit status 2"
	elif [ -n "$output" ] || [ -z "$stderr" ] || [[ $stderr == *$'\n'* ]]; then
		why="expected nothing on stdout and one line on stderr"
	elif [[ $stderr != *"$blame"* ]]; then
		why="expected the message to name $blame"
	fi
	[ -z "$why" ] && return 0
	printf '%06d %s:' "$n" "$why"
	printf ' %q' "$WB_LAB/$1"
	shift
	printf ' %q' "$@"
	printf ' -> exit %s, stdout %q, stderr %q\n' "$status" \
		"${output:0:200}" "${stderr:0:300}"
}

# fuzz_lab LAB: every case for every program of LAB (the .c files in
# solutions/LAB that define main), on one worker per CPU.
fuzz_lab() {
	WB_LAB=$1
	local src prog spec w n workers fails t0=$SECONDS
	CASES=()
	# where the malformed numbers start: each lab tries others first
	ROT=$((10#${WB_LAB:3:2}))
	for src in $(grep -l '^int main' "$SOLUTIONS/$WB_LAB"/*.c); do
		prog=$(basename "$src" .c)
		wb_run -t 5 "$prog" --help
		wb_status 0
		spec=${POSITIONAL[$WB_LAB/$prog]:-}
		if [ -n "$spec" ]; then
			fuzz_positional "$prog" "$spec"
		elif ! fuzz_options "$prog"; then
			echo "$prog --help lists no option: add it to POSITIONAL" >&2
			return 1
		fi
	done
	workers=$(nproc)
	for ((w = 0; w < workers; w++)); do
		(
			# bats traces every command: costly, and of no use here
			trap - DEBUG
			BATS_TEST_TMPDIR=$BATS_TEST_TMPDIR/w$w
			mkdir -p "$BATS_TEST_TMPDIR"
			for ((n = w; n < ${#CASES[@]}; n += workers)); do
				local c=${CASES[n]}$US f=()
				while [ -n "$c" ]; do
					f+=("${c%%"$US"*}")
					c=${c#*"$US"}
				done
				judge "$n" "${f[@]}"
				echo "$n" >>"$BATS_TEST_TMPDIR.done"
			done >"$BATS_TEST_TMPDIR.fails"
		) &
	done
	wait
	fails=$(sort "$BATS_TEST_TMPDIR"/w*.fails)
	n=$(cat "$BATS_TEST_TMPDIR"/w*.done | wc -l)
	echo "# $WB_LAB: $n of ${#CASES[@]} cases run in $((SECONDS - t0)) s" >&3
	if ((n != ${#CASES[@]})); then
		echo "only $n of ${#CASES[@]} cases were run: a worker failed" >&2
		return 1
	fi
	[ -z "$fails" ] && return 0
	echo "$(wc -l <<<"$fails") of ${#CASES[@]} cases failed (the first 40):" >&2
	head -n 40 <<<"$fails" | cut -c 8- >&2
	return 1
}

@test "input: every lab has a fuzz test here" {
	local lab missing=""
	for lab in $(cd "$SOLUTIONS" && ls -d lab[0-9][0-9]-*); do
		grep -q "^	fuzz_lab $lab\$" "$BATS_TEST_FILENAME" || missing+=" $lab"
	done
	[ -z "$missing" ] || {
		echo "add a test that calls fuzz_lab for:$missing" >&2
		return 1
	}
}

@test "input: every option of lab01's programs refuses malformed values cleanly" {
	fuzz_lab lab01-measure
}

@test "input: every option of lab02's programs refuses malformed values cleanly" {
	fuzz_lab lab02-threads
}

@test "input: every option of lab03's programs refuses malformed values cleanly" {
	fuzz_lab lab03-race
}

@test "input: every option of lab04's programs refuses malformed values cleanly" {
	fuzz_lab lab04-deadlock
}

@test "input: every option of lab05's programs refuses malformed values cleanly" {
	fuzz_lab lab05-waiting
}

@test "input: every option of lab06's programs refuses malformed values cleanly" {
	fuzz_lab lab06-sentinel
}

@test "input: every option of lab07's programs refuses malformed values cleanly" {
	fuzz_lab lab07-threadpool
}

@test "input: every option of lab08's programs refuses malformed values cleanly" {
	fuzz_lab lab08-gil
}

@test "input: every option of lab09's programs refuses malformed values cleanly" {
	fuzz_lab lab09-processes
}

@test "input: every option and argument of lab10's programs refuses malformed values cleanly" {
	fuzz_lab lab10-spawn-vs-fork
}

@test "input: every option of lab11's programs refuses malformed values cleanly" {
	fuzz_lab lab11-ipc
}

@test "input: every option of lab12's programs refuses malformed values cleanly" {
	fuzz_lab lab12-shared-memory
}

@test "input: every option of lab13's programs refuses malformed values cleanly" {
	fuzz_lab lab13-shutdown
}

@test "input: every option of lab14's programs refuses malformed values cleanly" {
	fuzz_lab lab14-false-sharing
}

@test "input: every option of lab15's programs refuses malformed values cleanly" {
	fuzz_lab lab15-amdahl
}

@test "input: every option of lab16's programs refuses malformed values cleanly" {
	fuzz_lab lab16-granularity
}

@test "input: every option of lab17's programs refuses malformed values cleanly" {
	fuzz_lab lab17-oversubscription
}

@test "input: every option of lab18's programs refuses malformed values cleanly" {
	fuzz_lab lab18-event-loop
}

@test "input: every option of lab19's programs refuses malformed values cleanly" {
	fuzz_lab lab19-pipeline
}

@test "input: every option of lab20's programs refuses malformed values cleanly" {
	fuzz_lab lab20-work-stealing
}

@test "input: every option of lab21's programs refuses malformed values cleanly" {
	fuzz_lab lab21-testing
}

@test "input: every option of lab22's programs refuses malformed values cleanly" {
	fuzz_lab lab22-safety
}

@test "input: every option of lab23's programs refuses malformed values cleanly" {
	fuzz_lab lab23-cluster
}
