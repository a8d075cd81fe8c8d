# helpers.bash: what every lab's tests share. Load it with `load helpers`.
#
# Test names say what a student should see when the test fails. A name that
# starts with "exercise:" grades the student's work: it may fail on the
# untouched starter. Every other test (demo:, input:) must pass on both trees.

# No bats-support or bats-assert: nothing here uses them, and Bats loads
# this file again for every test, where they cost 25 ms of CPU each time.

# The lab under test comes from the file name: tests/lab03-race.bats.
WB_LAB=$(basename "$BATS_TEST_FILENAME" .bats)
: "${WB_BIN:?WB_BIN names the build of the tree under test (run through make)}"
: "${WB_TSAN_BIN:=$WB_BIN}"
: "${WB_PLAIN_BIN:=$WB_BIN}"
WB_TIMEOUT=${WB_TIMEOUT:-10}
# ThreadSanitizer otherwise sleeps a second at every exit.
export TSAN_OPTIONS=${TSAN_OPTIONS:-atexit_sleep_ms=0}

# Every program runs in the jail (tests/jail/jail.c, built as build/jail):
# its own PID, IPC, network and mount namespaces, a private /tmp, the
# checkout hidden, an unprivileged user with a process cap and a file-size
# cap of its own. So a submission that forks without bound, floods its
# output, detaches or reads the reference fails one test, and only that;
# and all it started is gone when it ends.
WB_ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
WB_JAIL=("$WB_ROOT/build/jail" --hide "$WB_ROOT" --)
[ -x "${WB_JAIL[0]}" ] || {
	echo "helpers.bash: ${WB_JAIL[0]} is missing: run the tests through make" >&2
	exit 1
}

# wb_run [-t SECONDS] [--tsan | --no-tsan] [--under "CMD ARGS"] PROG [ARG...]
# Runs a program of this lab under `timeout`, which kills its whole process
# group. Sets $status, $output and $lines (stdout) and $stderr. --under runs
# CMD (an absolute path, for example /usr/bin/time) in the jail with the
# program and its arguments after ARGS.
# --tsan runs the ThreadSanitizer build. --no-tsan is for runs that
# ThreadSanitizer cannot follow (threads started in a child forked from a
# threaded process, OpenMP's runtime): in a `make SAN=thread test` they run
# the plain build instead; otherwise it changes nothing.
wb_run() {
	local limit=$WB_TIMEOUT bin=$WB_BIN under=()
	while :; do
		case $1 in
		-t) limit=$2; shift 2 ;;
		--under) read -ra under <<<"$2"; shift 2 ;;
		--tsan) bin=$WB_TSAN_BIN; shift ;;
		--no-tsan)
			[[ ${SAN:-} != *thread* ]] || bin=$WB_PLAIN_BIN
			shift ;;
		*) break ;;
		esac
	done
	local exe=$bin/$WB_LAB/$1
	shift
	WB_LAST="$exe $*"
	WB_LIMIT=$limit
	if [ ! -x "$exe" ]; then
		status=127 output="" stderr="not built: $exe" lines=()
		return 0
	fi
	local out=$BATS_TEST_TMPDIR/stdout err=$BATS_TEST_TMPDIR/stderr
	# 3>&- : bats waits for fd 3 to close, so a leftover child holding it
	# would hang the whole run.
	status=0
	local keep=()
	((${#under[@]} == 0)) || keep=(--keep "$(dirname "$exe")")
	timeout -k 2 "$limit" "${WB_JAIL[@]:0:3}" "${keep[@]}" $(wb_data_cap "$bin") \
		-- "${under[@]}" "$exe" "$@" >"$out" 2>"$err" </dev/null 3>&- ||
		status=$?
	output=$(<"$out")
	stderr=$(<"$err")
	mapfile -t lines <"$out"
	return 0
}

# wb_data_cap BIN: a memory cap for a program of build BIN (4 GiB of heap),
# except for sanitizer builds, which reserve terabytes of address space.
wb_data_cap() {
	[ -z "${SAN:-}" ] && [ "$1" != "$WB_TSAN_BIN" ] && echo "--data 4294967296"
}

# wb_explain: what the last run did, for a failing test's report.
wb_explain() {
	local why=""
	case $status in
	124 | 137) why=" (hung: killed after ${WB_LIMIT} s)" ;;
	127) why=" (not built or not found)" ;;
	*) ((status > 128)) && why=" (killed by signal $((status - 128)))" ;;
	esac
	printf 'command: %s\nexit status: %s%s\n--- stdout ---\n%s\n--- stderr ---\n%s\n' \
		"$WB_LAST" "$status" "$why" "$(head -c 3000 <<<"$output")" \
		"$(head -c 3000 <<<"$stderr")" >&2
}

# wb_status N: the last run ended with exit status N.
wb_status() {
	[ "$status" = "$1" ] && return 0
	echo "expected exit status $1" >&2
	wb_explain
	return 1
}

# wb_racy_status N: like wb_status, for a demonstration of a data race or a
# lock-order inversion. In a `make SAN=thread test` run every program is a
# ThreadSanitizer build, and exit status 66 is ThreadSanitizer reporting the
# very hazard on show.
wb_racy_status() {
	if [[ ${SAN:-} == *thread* ]] && [ "$status" = 66 ]; then
		return 0
	fi
	wb_status "$1"
}

# wb_stdout_has TEXT / wb_stderr_has TEXT: the output contains TEXT.
wb_stdout_has() {
	[[ $output == *"$1"* ]] && return 0
	echo "expected stdout to contain: $1" >&2
	wb_explain
	return 1
}
wb_stderr_has() {
	[[ $stderr == *"$1"* ]] && return 0
	echo "expected stderr to contain: $1" >&2
	wb_explain
	return 1
}

# wb_csv_column NAME: column NAME of every data row of the last run, one a
# line; wb_csv_field NAME: the same, of the first data row only.
wb_csv_column() {
	awk -F, -v want="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) col = i; next }
		col { print $col }' <<<"$output"
}
wb_csv_field() {
	wb_csv_column "$1" | head -n 1
}

# wb_driver_ok NAME: the last run, of the test driver NAME (tests/drivers/),
# exited 0 and printed its verdict "NAME: ok" (or "NAME: ok: details") last.
# A driver prints it after all its checks, so an exit(0) from inside the
# lab's code does not pass.
wb_driver_ok() {
	local last=
	((${#lines[@]} == 0)) || last=${lines[${#lines[@]} - 1]}
	if [ "$status" = 0 ] && { [ "$last" = "$1: ok" ] || [[ $last == "$1: ok: "* ]]; }; then
		return 0
	fi
	echo "expected the test driver $1 to exit 0 with its verdict '$1: ok' last" >&2
	wb_explain
	return 1
}

# wb_driver [-t SECONDS] [--tsan] NAME [ARG...]: runs the test driver NAME
# (wb_run) and passes if it ends with its verdict (wb_driver_ok) and, in a
# ThreadSanitizer build, ThreadSanitizer reports nothing.
wb_driver() {
	local opts=()
	while [[ $1 == -* ]]; do
		case $1 in
		-t) opts+=("$1" "$2"); shift 2 ;;
		*) opts+=("$1"); shift ;;
		esac
	done
	wb_run "${opts[@]}" "$@"
	wb_driver_ok "$1" || return 1
	[[ $stderr != *ThreadSanitizer* ]] && return 0
	echo "expected ThreadSanitizer to find nothing" >&2
	wb_explain
	return 1
}

# wb_descendants PID: the processes below PID (as the host sees them), one a
# line, nearest first.
wb_descendants() {
	ps -e -o pid= -o ppid= | awk -v root="$1" '
		{ kids[$2] = kids[$2] " " $1 }
		END {
			n = split(kids[root], q, " ")
			for (i = 1; i <= n; i++) {
				print q[i]
				m = split(kids[q[i]], k, " ")
				for (j = 1; j <= m; j++)
					q[++n] = k[j]
			}
		}'
}

# wb_jailed_pid BGPID EXE: the host PID of the program EXE started in the
# background as BGPID (timeout ... "${WB_JAIL[@]}" EXE ... &): the descendant
# of BGPID nearest to it whose /proc/PID/exe is EXE. Waits up to 5 s for the
# jail to start it; prints the PID, or fails.
wb_jailed_pid() {
	local i pid
	for i in $(seq 100); do
		for pid in $(wb_descendants "$1"); do
			if [ "/proc/$pid/exe" -ef "$2" ]; then
				echo "$pid"
				return 0
			fi
		done
		sleep 0.05
	done
	echo "no process runs $2 under pid $1" >&2
	return 1
}

# wb_tsan_clean: the last run (a --tsan one) found no data race or lock-order
# problem and exited 0.
wb_tsan_clean() {
	if [ "$status" = 0 ] && [[ $stderr != *ThreadSanitizer* ]]; then
		return 0
	fi
	case $status in
	124 | 137) echo "the program hung: it did not finish within ${WB_LIMIT} s" >&2 ;;
	*) echo "expected ThreadSanitizer to find nothing" >&2 ;;
	esac
	wb_explain
	return 1
}

# wb_bad_int ARRAY OPTION: adds the bad values every integer option refuses
# (its minimum must be at least 1) to the rows in ARRAY. Once a program is
# enough: one parser (wb_parse) reads every option, tests/common.bats tests
# it in full and tests/fuzz.bats tries every option's range.
wb_bad_int() {
	local -n wb_rows_=$1
	local o=$2
	wb_rows_+=("$o abc" "$o 12x" "$o -3" "$o 0" "$o 99999999999999999999"
		"$o 2.5" "$o=" "$o")
}

# wb_bad_input PROG ROW...: each row (arguments split on spaces, the option
# to blame first) must exit 2 with nothing on stdout and one line on stderr
# that names the option. Never a signal, a hang or a default.
wb_bad_input() {
	local prog=$1 row failed=0
	shift
	for row in "$@"; do
		# shellcheck disable=SC2086 # a row is split into arguments on purpose
		wb_run -t 5 "$prog" $row
		local blame=${row%% *}
		blame=${blame%%=*}
		if [ "$status" != 2 ] || [ -n "$output" ] || [ -z "$stderr" ] ||
			[[ $stderr == *$'\n'* ]] ||
			[[ $stderr != *"$blame"* ]]; then
			echo "bad input '$row': expected exit 2, empty stdout and one line on stderr naming $blame" >&2
			wb_explain
			failed=1
		fi
	done
	return $failed
}
