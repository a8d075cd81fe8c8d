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

# start_bg PROG ARG...: starts a program of this lab in the background, in
# the same jail and under the same timeout as wb_run. teardown kills it.
start_bg() {
	BG_EXE=$WB_BIN/$WB_LAB/$1
	shift
	BG_OUT=$BATS_TEST_TMPDIR/bg.out BG_ERR=$BATS_TEST_TMPDIR/bg.err
	timeout -k 2 20 "${WB_JAIL[@]}" "$BG_EXE" "$@" >"$BG_OUT" 2>"$BG_ERR" </dev/null 3>&- &
	BG_PID=$!
}

# bg_pids: waits for startcost's first line; sets P (it) and S (its server).
bg_pids() {
	local i line
	for i in $(seq 100); do
		line=$(grep -m1 '^parent: pid' "$BG_OUT" 2>/dev/null || true)
		if [[ $line =~ pid\ ([0-9]+)\;\ fork\ server:\ pid\ ([0-9]+), ]]; then
			P=${BASH_REMATCH[1]} S=${BASH_REMATCH[2]}
			return 0
		fi
		sleep 0.05
	done
	echo "startcost never printed its pid and its fork server's" >&2
	cat "$BG_OUT" "$BG_ERR" >&2
	return 1
}

# bg_end: waits for the background run; sets BG_STATUS.
bg_end() {
	BG_STATUS=0
	wait "$BG_PID" || BG_STATUS=$?
	BG_PID=
}

# running PID: the process exists and has not ended (a zombie has ended).
running() {
	local state
	state=$(awk '{ sub(/.*\) /, ""); print $1 }' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$state" ] && [ "$state" != Z ]
}

# nothing_left: no process of the program runs any more.
nothing_left() {
	local left
	left=$(pgrep -a -f "^$BG_EXE( |\$)" || true)
	[ -z "$left" ] && return 0
	echo "still running after the program ended:" >&2
	echo "$left" >&2
	return 1
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

@test "exercise: spawn starts the helper, which writes its token back and ends with status 42" {
	starts_a_child spawn
}

@test "exercise: the fork server starts a child that writes its token back and ends with status 42" {
	starts_a_child forkserver
}

@test "exercise: every method reaps its child: no zombie, no child left, here or in the fork server" {
	wb_run startcost --verify --rss-mb 8
	wb_status 0
	wb_stdout_has "no child left behind: no zombie, no running child (the fork server has none either)"
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

@test "exercise: the default run times all four methods and compares fork with spawn" {
	wb_run startcost --reps 3 --rss-mb 0
	wb_status 0
	for m in fork fork-exec spawn forkserver; do
		grep -Eq "^  $m +median +[0-9.]+ us" <<<"$output" ||
			{ echo "no timing row for $m" >&2; wb_explain; return 1; }
	done
	wb_stdout_has "fork takes"
}

@test "demo: SIGTERM ends the program and its fork server, and no process of it is left" {
	start_bg startcost --reps 1000000 --rss-mb 0
	bg_pids
	running "$S"
	kill -TERM "$P"
	bg_end
	if [ "$BG_STATUS" != 143 ]; then
		echo "expected the program to end by SIGTERM (status 143), got $BG_STATUS" >&2
		cat "$BG_ERR" >&2
		return 1
	fi
	# The program waits for its server before it dies: both are gone now.
	! running "$S" || { echo "the fork server $S still runs" >&2; return 1; }
	nothing_left
}

@test "demo: when the program is killed with SIGKILL, its fork server notices and ends" {
	start_bg startcost --reps 1000000 --rss-mb 0
	bg_pids
	kill -KILL "$P"
	bg_end
	[ "$BG_STATUS" = 137 ]
	# End of file on the socket, or the parent-death signal: either is quick.
	for i in $(seq 100); do
		running "$S" || break
		sleep 0.05
	done
	! running "$S" || { echo "the fork server $S outlived its parent by 5 s" >&2; return 1; }
	nothing_left
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

@test "input: --help of both programs describes every option and exits 0" {
	wb_run startcost --help
	wb_status 0
	for o in --method --rss-mb --reps --sweep --max-mb --verify --csv; do wb_stdout_has "$o"; done
	wb_run forkhazard --help
	wb_status 0
	for o in --fix --watchdog-ms --child; do wb_stdout_has "$o"; done
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

@test "exercise: with pthread_atfork handlers the forked child takes the lock and ends with 0" {
	# ThreadSanitizer cannot follow threads started in a child forked from a
	# threaded process (it stops the child), hence --no-tsan.
	wb_run --no-tsan forkhazard --fix atfork --watchdog-ms 200
	wb_status 0
	grep -Eq "^child [0-9]+ ended with status 0: it took log_lock and finished\$" <<<"$output" ||
		{ echo "expected the child to take the lock and end with status 0" >&2; wb_explain; return 1; }
	wb_stdout_has "no child left behind"
}

@test "exercise: with posix_spawn the child is a fresh program, takes the lock and ends with 0" {
	# ThreadSanitizer cannot follow threads started in a child forked from a
	# threaded process (it stops the child), hence --no-tsan.
	wb_run --no-tsan forkhazard --fix spawn --watchdog-ms 200
	wb_status 0
	wb_stdout_has "took log_lock (a fresh run of the program, by posix_spawn)"
	grep -Eq "^child [0-9]+ ended with status 0: it took log_lock and finished\$" <<<"$output" ||
		{ echo "expected the child to take the lock and end with status 0" >&2; wb_explain; return 1; }
	wb_stdout_has "no child left behind"
}

@test "input: forkhazard refuses bad options with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --watchdog-ms
	rows+=("--watchdog-ms 9" "--watchdog-ms 60001" "--fix fork" "--bogus"
		"--child=yes")
	wb_bad_input forkhazard "${rows[@]}"
}
