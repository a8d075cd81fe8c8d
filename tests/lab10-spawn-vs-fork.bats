#!/usr/bin/env bats
# lab10-spawn-vs-fork: four ways to start a child (fork, fork-exec,
# posix_spawn, a fork server), and forking while another thread holds a lock.

load helpers

# starts_a_child METHOD: --verify's child wrote its token and ended with 42.
starts_a_child() {
	wb_run startcost --verify --method "$1" --rss-mb 0
	wb_status 0 || return 1
	grep -Eq "^  $1 +the child wrote \"$1:[0-9]+\" back and ended with exit status 42\$" <<<"$output" && return 0
	echo "expected the $1 child to write \"$1:PID\" back and end with status 42" >&2
	wb_explain
	return 1
}

# field PID N: field N of /proc/PID/stat, counted after the name (1 is the
# state, 2 the parent's PID); fails once PID is gone.
field() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	awk -v n="$2" '{ print $n }' <<<"$stat"
}

# running PID: the process exists and has not ended (a zombie has ended).
running() {
	local state
	state=$(field "$1" 1) && [ "$state" != Z ]
}

# start_bg [--no-tsan] PROG ARG...: starts a program of this lab in the
# background, in the jail and under a timeout, as wb_run would; teardown
# kills it. Sets P, the program's host PID, and INIT, the jail's first
# process: while INIT is stopped (SIGSTOP), the jail stays up, so what ends
# then is the program's own doing, not the jail's clean-up.
start_bg() {
	local bin=$WB_BIN
	if [ "$1" = --no-tsan ]; then
		[[ ${SAN:-} != *thread* ]] || bin=$WB_PLAIN_BIN
		shift
	fi
	BG_EXE=$bin/$WB_LAB/$1
	shift
	BG_OUT=$BATS_TEST_TMPDIR/bg.out BG_ERR=$BATS_TEST_TMPDIR/bg.err
	timeout -k 2 20 "${WB_JAIL[@]}" "$BG_EXE" "$@" >"$BG_OUT" 2>"$BG_ERR" </dev/null 3>&- &
	BG_PID=$!
	P=$(wb_jailed_pid "$BG_PID" "$BG_EXE") || return 1
	INIT=$(field "$P" 2)
}

# wait_for TEXT: waits up to 5 s for a line of the program's stdout that
# starts with TEXT; prints it.
wait_for() {
	local i
	for i in $(seq 100); do
		grep -m1 "^$1" "$BG_OUT" 2>/dev/null && return 0
		sleep 0.05
	done
	echo "the program never printed \"$1\"" >&2
	cat "$BG_OUT" "$BG_ERR" >&2
	return 1
}

# server_pid: the host PID of startcost's fork server, from the pid it
# printed (a PID inside the jail) and /proc/PID/status's NSpid line.
server_pid() {
	local line ns pid
	line=$(wait_for "parent: pid") || return 1
	[[ $line =~ fork\ server:\ pid\ ([0-9]+), ]] || return 1
	ns=${BASH_REMATCH[1]}
	for pid in $(wb_descendants "$P"); do
		if [ "$(awk '/^NSpid:/ { print $NF }' "/proc/$pid/status" 2>/dev/null)" = "$ns" ]; then
			echo "$pid"
			return 0
		fi
	done
	echo "no process is the fork server, pid $ns in the jail" >&2
	return 1
}

# ends_within PID: PID ends (or becomes a zombie) within 5 s.
ends_within() {
	local i
	for i in $(seq 100); do
		running "$1" || return 0
		sleep 0.05
	done
	return 1
}

# nothing_runs: no process of the jail runs any more but its first one
# (zombies wait for it, stopped, to reap them).
nothing_runs() {
	local pid left=""
	for pid in $(wb_descendants "$INIT"); do
		running "$pid" && left+=" $pid"
	done
	[ -z "$left" ] && return 0
	echo "still running:" >&2
	ps -o pid,ppid,stat,args -p "${left# }" >&2
	return 1
}

# kill_startcost SIG: starts startcost in the background, finds its fork
# server (S), stops the jail's first process, then sends SIG to startcost.
kill_startcost() {
	start_bg startcost --reps 1000000 --rss-mb 0
	S=$(server_pid) || return 1
	kill -STOP "$INIT"
	kill "-$1" "$P"
}

# bg_end: lets the jail go on and waits for the run; sets BG_STATUS.
bg_end() {
	kill -CONT "$INIT" 2>/dev/null || true
	BG_STATUS=0
	wait "$BG_PID" || BG_STATUS=$?
	BG_PID=
}

teardown() {
	if [ -n "${BG_PID:-}" ]; then
		kill -KILL -- "-$BG_PID" 2>/dev/null || true
		wait "$BG_PID" 2>/dev/null || true
	fi
}

@test "demo: fork and fork-exec start a child that writes its token back and ends with status 42" {
	starts_a_child fork
	starts_a_child fork-exec
}

# weight: 3
@test "exercise: spawn: posix_spawn alone starts the helper, whose own token and exit status come back, and reaps it" {
	wb_run checkspawn
	wb_driver_ok checkspawn
}

# weight: 3
@test "exercise: the fork server forks each child itself; the child's own token and status come back; nothing is left" {
	wb_run checkserver
	wb_driver_ok checkserver
}

# weight: 3
@test "exercise: atfork: the fork waits for log_lock and holds it; parent and child each get it free" {
	# A fork in a process with threads: the plain build under SAN=thread.
	wb_run --no-tsan checkatfork
	wb_driver_ok checkatfork
}

# weight: 1
@test "exercise: forkhazard's spawn fix starts the program afresh by posix_spawn, with --child and the watchdog" {
	wb_run checkrespawn
	wb_driver_ok checkrespawn
}

@test "demo: the default run times fork and fork-exec, with median, min and max" {
	wb_run startcost --reps 3 --rss-mb 0
	wb_status 0
	wb_stdout_has "each method: 3 warm-up starts, then 3 timed starts"
	for m in fork fork-exec; do
		grep -Eq "^  $m +median +[0-9.]+ us  \(min +[0-9.]+, max +[0-9.]+\)" <<<"$output" ||
			{ echo "no timing row for $m" >&2; wb_explain; return 1; }
	done
}

@test "demo: SIGTERM ends the program after it has reaped its fork server, and no process of it is left" {
	kill_startcost TERM
	ends_within "$P" || { echo "the program still runs 5 s after SIGTERM" >&2; return 1; }
	# The server's entry is gone only if the program reaped it: had it
	# outlived the program, it would wait as a zombie for the stopped INIT.
	[ ! -e "/proc/$S" ] || { echo "the fork server $S was not reaped by the program" >&2; return 1; }
	nothing_runs
	bg_end
	[ "$BG_STATUS" = 143 ] || { echo "expected the program to end by SIGTERM (status 143), got $BG_STATUS" >&2; return 1; }
	[ ! -s "$BG_ERR" ] || { echo "unexpected messages:" >&2; cat "$BG_ERR" >&2; return 1; }
}

@test "demo: a SIGTERM to the program and all its children at once ends it by SIGTERM, without an error message" {
	start_bg startcost --reps 1000000 --rss-mb 0
	wait_for "parent: pid" >/dev/null
	sleep 0.1 # into the timed starts
	# The program first, as a group signal reaches it no later than the rest.
	kill -TERM "$P" $(wb_descendants "$P") 2>/dev/null || true
	bg_end
	[ "$BG_STATUS" = 143 ] || { echo "expected the program to end by SIGTERM (status 143), got $BG_STATUS" >&2; cat "$BG_ERR" >&2; return 1; }
	[ ! -s "$BG_ERR" ] || { echo "unexpected messages:" >&2; cat "$BG_ERR" >&2; return 1; }
}

@test "demo: when the program is killed with SIGKILL, its fork server notices and ends" {
	kill_startcost KILL
	# End of file on the socket, or the parent-death signal: either is quick.
	ends_within "$S" || { echo "the fork server $S outlived its parent by 5 s" >&2; return 1; }
	nothing_runs
	bg_end
	[ "$BG_STATUS" = 137 ]
}

@test "demo: when forkhazard is killed, its stuck child ends at once, long before its watchdog" {
	# A fork in a process with threads: the plain build under SAN=thread.
	start_bg --no-tsan forkhazard --fix none --watchdog-ms 60000
	local c="" i
	for i in $(seq 100); do
		for c in $(ps -o pid= --ppid "$P"); do running "$c" && break 2; done
		c=""
		sleep 0.05
	done
	[ -n "$c" ] || { echo "forkhazard started no child" >&2; return 1; }
	kill -STOP "$INIT"
	kill -KILL "$P"
	ends_within "$c" || { echo "the stuck child $c outlived its parent by 5 s" >&2; return 1; }
	nothing_runs
	bg_end
	[ "$BG_STATUS" = 137 ]
}

@test "input: --csv prints a header, then one row per method with median, min and max" {
	wb_run startcost --method fork --reps 2 --rss-mb 0 --csv
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "method,rss_mb,vmrss_mb,reps,us_median,us_min,us_max" ]
	[ "$(wb_csv_field method)" = fork ]
	[ "$(wb_csv_field reps)" = 2 ]
}

@test "input: --rss-mb makes the parent that big in resident memory" {
	wb_run startcost --method fork --reps 1 --rss-mb 32 --csv
	wb_status 0
	awk -F, 'NR == 2 { exit !($2 == 32 && $3 >= 32) }' <<<"$output" ||
		{ echo "expected rss_mb 32 and vmrss_mb at least 32" >&2; wb_explain; return 1; }
}

@test "input: --sweep --max-mb 8 measures 9 parent sizes, 0 to 8 MiB" {
	wb_run startcost --method fork --reps 1 --sweep --max-mb 8 --csv
	wb_status 0
	[ "$(cut -d, -f2 <<<"$output" | tail -n +2 | tr '\n' ' ')" = "0 1 2 3 4 5 6 7 8 " ]
}

@test "input: --help of the three programs describes their arguments and exits 0" {
	wb_run startcost --help
	wb_status 0
	for o in --method --rss-mb --reps --sweep --max-mb --verify --csv; do wb_stdout_has "$o"; done
	wb_run forkhazard --help
	wb_status 0
	for o in --fix --watchdog-ms --child; do wb_stdout_has "$o"; done
	wb_run child --help
	wb_status 0
	wb_stdout_has "FD TOKEN STATUS"
}

@test "input: startcost refuses bad options with exit 2 and one line naming the option" {
	local rows=() mb
	mb=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo)
	wb_bad_int rows --reps
	rows+=("--rss-mb abc" "--rss-mb -3" "--rss-mb 99999999999999999999"
		"--rss-mb" "--rss-mb $mb" "--max-mb 7" "--max-mb 1x"
		"--method vfork" "--bogus" "stray" "--csv=yes"
		"--csv --verify" "--sweep --rss-mb 8" "--max-mb 16")
	wb_bad_input startcost "${rows[@]}"
}

# child_refuses WHAT ARG...: the helper refuses ARG... with exit 2, nothing
# on stdout and one line on stderr that names WHAT (FD, TOKEN or STATUS).
child_refuses() {
	local what=$1
	shift
	wb_run -t 5 child "$@"
	if [ "$status" != 2 ] || [ -n "$output" ] || [ -z "$stderr" ] ||
		[[ $stderr == *$'\n'* ]] || [[ $stderr != *"$what"* ]]; then
		echo "bad input '$*': expected exit 2, empty stdout and one line on stderr naming $what" >&2
		wb_explain
		return 1
	fi
}

@test "input: the child helper refuses bad numbers and tokens with exit 2 and one line naming the argument" {
	local failed=0 long
	long=$(printf 'x%.0s' {1..32})
	child_refuses FD 4294967297 tok 0 || failed=1
	child_refuses FD -1 tok 0 || failed=1
	child_refuses FD " 1" tok 0 || failed=1
	child_refuses STATUS 1 tok 256 || failed=1
	child_refuses STATUS 1 tok -1 || failed=1
	child_refuses TOKEN 1 "" 0 || failed=1
	child_refuses TOKEN 1 "$long" 0 || failed=1
	child_refuses "FD TOKEN STATUS" 1 tok || failed=1
	return $failed
}

@test "demo: forking while the logger holds the lock leaves the child stuck until its watchdog ends it with 3" {
	# ThreadSanitizer cannot follow threads started in a child forked from a
	# threaded process (it stops the child), hence --no-tsan.
	wb_run --no-tsan forkhazard --fix none --watchdog-ms 200
	wb_status 0
	grep -Eq "^child [0-9]+ ended with status 3: it waited for log_lock until its watchdog ended it\$" <<<"$output" ||
		{ echo "expected the child to end with status 3" >&2; wb_explain; return 1; }
	wb_stderr_has "watchdog: no progress for 200 ms"
	wb_stderr_has "waits for log_lock"
	wb_stdout_has "no child left behind"
}

@test "input: forkhazard refuses bad options with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --watchdog-ms
	rows+=("--watchdog-ms 9" "--watchdog-ms 60001" "--fix fork" "--bogus"
		"--child=yes")
	wb_bad_input forkhazard "${rows[@]}"
}
