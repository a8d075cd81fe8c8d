#!/usr/bin/env bats
# student.bats: the student's tools (tests/bin/student): make progress,
# hint-labNN, watch-labNN, reset-labNN, compile_commands.json and the
# readable report of failed tests. Every test works in a small copy of the
# checkout (three labs) made in setup_file: the real labs/ and solutions/
# are never touched.

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
MINI_LABS="lab01-measure lab03-race lab07-threadpool"

setup_file() {
	local m=$BATS_FILE_TMPDIR/wb l
	mkdir -p "$m/tests" "$m/solutions" "$m/labs"
	cp -r "$ROOT/Makefile" "$ROOT/common" "$m/"
	cp -r "$ROOT/tests/bin" "$m/tests/"
	for l in $MINI_LABS; do
		cp -r "$ROOT/solutions/$l" "$m/solutions/"
		cp "$ROOT/tests/$l.bats" "$m/tests/"
		"$m/tests/bin/mkstarter" "$m/solutions/$l" "$m/labs/$l"
		rm -f "$m/labs/$l/HINTS.md" "$m/labs/$l/ANSWERS.md"
	done
}

setup() {
	M=$BATS_FILE_TMPDIR/wb
	# Each test has labs and progress of its own.
	cp -r "$M/labs" "$BATS_TEST_TMPDIR/labs"
	export LABS_DIR=$BATS_TEST_TMPDIR/labs PROGRESS_DIR=$BATS_TEST_TMPDIR/progress
	S=$M/tests/bin/student
}

# tap LAB PASS: a TAP run of LAB's exercise tests where the first PASS pass.
tap() {
	local n=0 name
	(cd "$M" && . tests/bin/gradelib.sh && wb_exercises "$1") | {
		echo "1..99"
		while IFS=$'\t' read -r _ name; do
			n=$((n + 1))
			if ((n <= $2)); then echo "ok $n $name"; else echo "not ok $n $name"; fi
		done
	}
}

@test "input: make hint-labNN shows the hints one at a time, counts them, and N=1 shows one again" {
	[ -f "$M/solutions/lab03-race/HINTS.md" ]
	run make -s -C "$M" hint-lab03
	[ "$status" = 0 ]
	[ "${lines[0]}" = "lab03-race: hint 1 of 3" ]
	[ "$(cat "$PROGRESS_DIR/hints/lab03-race")" = 1 ]
	run "$S" hint lab03-race
	[ "${lines[0]}" = "lab03-race: hint 2 of 3" ]
	run "$S" hint lab03-race 1
	[ "${lines[0]}" = "lab03-race: hint 1 of 3" ]
	[ "$(cat "$PROGRESS_DIR/hints/lab03-race")" = 2 ]
	run "$S" hint lab03-race
	[ "${lines[0]}" = "lab03-race: hint 3 of 3" ]
	[[ $output == *"that was the last one"* ]]
	run "$S" hint lab03-race 4
	[ "$status" = 2 ]
	[[ $output == *"from 1 to 3"* ]]
	run "$S" hint lab03-race bad
	[ "$status" = 2 ]
}

@test "input: every lab has three hints, each with a heading and some text" {
	local l n
	for l in "$ROOT"/solutions/lab[0-9][0-9]-*/; do
		l=${l%/}
		[ -f "$l/HINTS.md" ] || {
			echo "no $l/HINTS.md"
			return 1
		}
		n=$(grep -c '^## ' "$l/HINTS.md")
		[ "$n" = 3 ] || {
			echo "$l/HINTS.md: $n hints"
			return 1
		}
		[ "$(grep -cv '^\(#.*\)\?$' "$l/HINTS.md")" -ge 6 ]
	done
}

@test "input: make progress tells not started, started, passing n/m, done and missing apart" {
	echo "/* mine */" >>"$LABS_DIR/lab03-race/counters.c"
	echo "/* mine */" >>"$LABS_DIR/lab07-threadpool/pool.c"
	# A run where every exercise of lab03 passes, and one of lab07's.
	tap lab03-race 99 | "$S" report lab03-race >/dev/null
	tap lab07-threadpool 1 | "$S" report lab07-threadpool >/dev/null || true
	run make -s -C "$M" progress
	[ "$status" = 0 ]
	[[ ${lines[1]} =~ ^lab01-measure\ +not\ started\ +0/10\ +0/ ]]
	[[ ${lines[2]} =~ ^lab03-race\ +done\ +10/10\ +0/3 ]]
	[[ ${lines[3]} =~ ^lab07-threadpool\ +passing\ 1/8\ +[0-9]+/10 ]]
	[[ $output == *"done: 1 of 3 labs"* ]]
	# A change since the last run: started, points unknown.
	echo "/* more */" >>"$LABS_DIR/lab03-race/counters.c"
	rm -r "$LABS_DIR/lab01-measure"
	run "$S" progress 01 03
	[[ ${lines[1]} =~ ^lab01-measure\ +missing ]]
	[[ ${lines[2]} =~ ^lab03-race\ +started\ +-\  ]]
	# Undoing the change brings the result back.
	sed -i '$d' "$LABS_DIR/lab03-race/counters.c"
	run "$S" progress 03
	[[ ${lines[1]} =~ ^lab03-race\ +done ]]
	run "$S" progress 3
	[ "$status" = 2 ]
}

@test "input: make reset-labNN writes the starter back and keeps each earlier version beside it" {
	local lab=$LABS_DIR/lab03-race b
	echo "/* first try */" >>"$lab/counters.c"
	run make -s -C "$M" reset-lab03
	[ "$status" = 0 ]
	diff -r "$M/labs/lab03-race" "$lab"
	b=$(ls -d "$lab".bak-*)
	grep -q "first try" "$b/counters.c"
	run "$S" reset lab03-race
	[[ $output == *"already the untouched starter"* ]]
	echo "/* second try */" >>"$lab/counters.c"
	run "$S" reset lab03-race
	[ "$status" = 0 ]
	[ "$(ls -d "$lab".bak-* | wc -l)" = 2 ]
	grep -q "first try" "$b/counters.c"
	diff -r "$M/labs/lab03-race" "$lab"
	# A lab folder that is gone is simply written.
	rm -r "$lab"
	run "$S" reset lab03-race
	diff -r "$M/labs/lab03-race" "$lab"
	# The reference is never reset.
	LABS_DIR=$M/solutions run "$S" reset lab03-race
	[ "$status" = 2 ]
	[ -z "$(ls -d "$M"/solutions/*.bak-* 2>/dev/null)" ]
}

@test "input: make watch-labNN reruns the checks when a C file of the lab is saved, and Ctrl-C ends it with nothing left" {
	local out=$BATS_TEST_TMPDIR/watch.out pid kids i
	WB_WATCH_CHECK='echo checked' env --default-signal=INT "$S" watch lab03-race >"$out" 2>&1 3>&- &
	pid=$!
	for i in $(seq 100); do grep -q checked "$out" && break; sleep 0.05; done
	[ "$(grep -c checked "$out")" = 1 ]
	kids=$(ps -o pid= --ppid "$pid")
	[ -n "$kids" ]
	sleep 0.2
	echo "/* saved */" >>"$LABS_DIR/lab03-race/counters.c"
	for i in $(seq 100); do [ "$(grep -c checked "$out")" = 2 ] && break; sleep 0.05; done
	grep -q "check 2 at" "$out"
	kill -INT "$pid"
	for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" $kids
		echo "watch did not end on SIGINT"
		return 1
	fi
	wait "$pid" || { echo "watch exited $?"; cat "$out"; return 1; }
	grep -q "watch: ended" "$out"
	for i in $kids; do ! kill -0 "$i" 2>/dev/null; done
}

@test "input: a failed test reads as its sentence, what was expected, what came and the command, without helper lines" {
	local name
	name=$(cd "$M" && . tests/bin/gradelib.sh && wb_exercises lab03-race | head -n 1 | cut -f2)
	run "$S" report lab03-race <<EOF
1..3
ok 1 demo: a demo
not ok 2 $name
# (from function \`wb_driver_ok' in file tests/helpers.bash, line 146,
#  from function \`wb_driver' in file tests/helpers.bash, line 164,
#  in test file tests/lab03-race.bats, line 56)
#   \`wb_driver locks mutex 2000 1' failed
# expected the test driver locks to exit 0 with its verdict 'locks: ok' last
# command: $M/build/gcc/labs/lab03-race/locks mutex 2000 1
# exit status: 1
# --- stdout ---
# locks: FAIL: each increment needs its own critical section
# --- stderr ---
#
not ok 3 input: a raw check
# (in test file tests/lab03-race.bats, line 90)
#   \`[ "\${#lines[@]}" = 2 ]' failed
EOF
	[ "$status" = 1 ]
	[[ $output == *"FAIL  $name ["*" point"* ]]
	[[ $output == *"      expected the test driver locks"* ]]
	[[ $output == *"      command: build/gcc/labs/lab03-race/locks mutex 2000 1"* ]]
	[[ $output == *"        locks: FAIL: each increment"* ]]
	[[ $output == *"stderr: (nothing)"* ]]
	[[ $output == *"(tests/lab03-race.bats, line 56)"* ]]
	[[ $output == *'this check failed: [ "${#lines[@]}" = 2 ]'* ]]
	[[ $output != *helpers.bash* ]] && [[ $output != *"in test file"* ]]
	[[ $output == *"1 of 3 tests pass; exercises: 0 of 6 pass, 0/10 points"* ]]
	[[ ${lines[-1]} == "rerun them: make check-lab03 LABS_DIR="* ]]
}

@test "input: make compile_commands.json describes every C file of the labs, solutions, common/ and the drivers" {
	local cc=$BATS_TEST_TMPDIR/cc.json
	mkdir -p "$M/tests/drivers/lab03-race"
	cp "$ROOT"/tests/drivers/lab03-race/*.c "$M/tests/drivers/lab03-race/"
	run make -s -C "$M" compile_commands.json CCDB_OUT="$cc" LABS_DIR=labs
	[ "$status" = 0 ]
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
files = {e["file"]: e["arguments"] for e in d}
for f in ["common/err.c", "labs/lab03-race/counters.c", "solutions/lab07-threadpool/pool.c"]:
    assert f in files, f
drv = [a for f, a in files.items() if f.startswith("tests/drivers/lab03-race/")]
assert drv and "-Ilabs/lab03-race" in drv[0], drv
assert all(e["directory"] == sys.argv[2] for e in d)
' "$cc" "$M"
}
