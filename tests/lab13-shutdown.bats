#!/usr/bin/env bats
# lab13-shutdown: a supervisor that restarts a crashing worker with
# back-off, gives up after too many restarts, and stops its workers
# gracefully on SIGINT or SIGTERM: ask, wait, SIGTERM, wait, SIGKILL.

load helpers

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

# start_bg ARG...: starts the supervisor in the background, in the jail and
# under a timeout; teardown kills it. Sets P, its host PID, and INIT, the
# jail's first process: while INIT is stopped, the jail stays up, so what
# ends then ends by the supervisor's doing, not the jail's clean-up.
start_bg() {
	BG_EXE=$WB_BIN/$WB_LAB/super
	BG_OUT=$BATS_TEST_TMPDIR/bg.out BG_ERR=$BATS_TEST_TMPDIR/bg.err
	timeout -k 2 20 "${WB_JAIL[@]}" "$BG_EXE" "$@" >"$BG_OUT" 2>"$BG_ERR" </dev/null 3>&- &
	BG_PID=$!
	P=$(wb_jailed_pid "$BG_PID" "$BG_EXE") || return 1
	INIT=$(field "$P" 2)
}

# workers N: waits up to 5 s until N workers run below the supervisor;
# sets W to their PIDs.
workers() {
	local i pid
	for i in $(seq 100); do
		W=()
		for pid in $(ps -o pid= --ppid "$P"); do
			running "$pid" && W+=("$pid")
		done
		((${#W[@]} == $1)) && return 0
		sleep 0.05
	done
	echo "expected $1 workers below the supervisor, found ${#W[@]}" >&2
	cat "$BG_OUT" "$BG_ERR" >&2
	return 1
}

# ignores_term PID: the process ignores SIGTERM (bit 15 of SigIgn).
ignores_term() {
	local mask
	mask=$(awk '/^SigIgn:/ { print $2 }' "/proc/$1/status" 2>/dev/null) || return 1
	(((16#$mask >> 14) & 1))
}

# ends_within [-n N] PID...: every PID ends (or becomes a zombie) within
# 5 s (or N times 50 ms).
ends_within() {
	local i n=100 pid
	[ "$1" != -n ] || { n=$2; shift 2; }
	for i in $(seq "$n"); do
		for pid in "$@"; do
			running "$pid" && { sleep 0.05; continue 2; }
		done
		return 0
	done
	return 1
}

# nothing_left: the jail holds no process but its first one and the
# supervisor (a zombie waiting for the stopped INIT): every worker is reaped.
nothing_left() {
	local pid left=""
	for pid in $(wb_descendants "$INIT"); do
		[ "$pid" = "$P" ] || left+=" $pid"
	done
	[ -z "$left" ] && return 0
	echo "left behind (not reaped by the supervisor):" >&2
	ps -o pid,ppid,stat,args -p "${left# }" >&2
	return 1
}

# nothing_runs: no process of the jail runs any more but its first one.
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

# bg_end: lets the jail go on and waits for the run; sets BG_STATUS.
bg_end() {
	kill -CONT "$INIT" 2>/dev/null || true
	BG_STATUS=0
	wait "$BG_PID" || BG_STATUS=$?
	BG_PID=
}

teardown() {
	if [ -n "${BG_PID:-}" ]; then
		kill -CONT "$INIT" 2>/dev/null || true
		kill -KILL -- "-$BG_PID" 2>/dev/null || true
		wait "$BG_PID" 2>/dev/null || true
	fi
}

@test "demo: worker 1 crashes at its third step, and the supervisor starts it again" {
	wb_run super --workers 2 --crash-every 3 --run-ms 200 --grace-ms 50
	grep -Eq "^ +[0-9]+ ms  worker 1 \(pid [0-9]+\) crashed \(Aborted\)\$" <<<"$output" ||
		{ echo "expected worker 1 to crash" >&2; wb_explain; return 1; }
	[ "$(grep -Ec '^ +[0-9]+ ms  worker 1 \(pid [0-9]+\) started$' <<<"$output")" -ge 2 ] ||
		{ echo "expected worker 1 to be started again" >&2; wb_explain; return 1; }
}

# weight: 1
@test "exercise: SIGTERM to the supervisor: every worker ends (the one that ignores SIGTERM by SIGKILL after the grace), all are reaped, and it ends by SIGTERM" {
	start_bg --workers 3 --worker-ignores-term --grace-ms 50 --crash-every 0 --run-ms 20000
	workers 3
	local w stuck=0
	for w in "${W[@]}"; do ignores_term "$w" && stuck=$((stuck + 1)); done
	[ "$stuck" = 1 ] || { echo "expected one worker to ignore SIGTERM (SigIgn), found $stuck" >&2; return 1; }
	kill -STOP "$INIT"
	local t0=$EPOCHREALTIME
	kill -TERM "$P"
	ends_within "$P" || { echo "the supervisor still runs 5 s after SIGTERM" >&2; return 1; }
	local ms=$(((${EPOCHREALTIME/./} - ${t0/./}) / 1000))
	for w in "${W[@]}"; do
		! running "$w" || { echo "worker $w still runs after the supervisor ended" >&2; return 1; }
	done
	nothing_left
	((ms >= 100)) || { echo "the supervisor ended ${ms} ms after SIGTERM: before its two graces of 50 ms, so it did not give the workers their time" >&2; return 1; }
	bg_end
	[ "$BG_STATUS" = 143 ] || { echo "expected the supervisor to end by SIGTERM (status 143), got $BG_STATUS" >&2; cat "$BG_OUT" "$BG_ERR" >&2; return 1; }
}

# weight: 1
@test "exercise: SIGKILL to the supervisor: no worker outlives it, not even the one that ignores SIGTERM" {
	start_bg --workers 3 --worker-ignores-term --crash-every 0 --run-ms 20000
	workers 3
	kill -STOP "$INIT"
	kill -KILL "$P"
	# The kernel's parent-death signal acts at once: half a second is plenty.
	ends_within -n 10 "${W[@]}" || { echo "a worker outlived its supervisor by 0.5 s" >&2; nothing_runs; return 1; }
	nothing_runs
	bg_end
	[ "$BG_STATUS" = 137 ]
}

# weight: 2
@test "exercise: signals: SIGTERM and SIGINT come to the loop as events, before or during the wait, each once; SIGCHLD too" {
	wb_driver checksignals
}

# weight: 3
@test "exercise: stop: ask first, wait the grace, then SIGTERM, wait again, then SIGKILL; reap every worker" {
	wb_driver checkstop
}

# weight: 2
@test "exercise: back-off: restarts wait 50, 100, 200, 400, then 800 ms; give up after --max-restarts in --window-ms" {
	wb_driver checkbackoff
}

# weight: 1
@test "exercise: kill test: SIGINT, SIGTERM or SIGKILL at 20 random moments leave no worker running or unreaped" {
	wb_driver checkkills
}

@test "input: --csv prints a header, then one row per event" {
	wb_run super --csv --workers 2 --crash-every 0 --run-ms 30 --grace-ms 50
	[ "${lines[0]}" = "ms,worker,pid,event,detail" ] || { wb_explain; return 1; }
	[ "$(grep -Ec '^[0-9]+,[12],[0-9]+,start,0$' <<<"$output")" = 2 ] ||
		{ echo "expected a start row for each worker" >&2; wb_explain; return 1; }
}

@test "input: --help describes every option and exits 0" {
	wb_run super --help
	wb_status 0
	for o in --workers --grace-ms --crash-every --max-restarts --window-ms --run-ms --worker-ignores-term --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options exit 2 with one line naming the option" {
	# Every integer option is read by the same wb_parse: the full table of
	# bad numbers for one, the ranges of the others.
	local rows=()
	wb_bad_int rows --workers
	rows+=("--workers 17" "--grace-ms 0" "--grace-ms 5001"
		"--max-restarts 0" "--max-restarts 101" "--window-ms 0"
		"--window-ms 600001" "--run-ms 0" "--run-ms 60001"
		"--crash-every -1" "--crash-every 1001" "--crash-every 2x"
		"--worker-ignores-term=1" "--bogus" "stray")
	wb_bad_input super "${rows[@]}"
}
