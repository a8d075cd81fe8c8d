#!/usr/bin/env bats
# grading: hostile submissions lose their own points and nothing else.
# The intake, the build jail and the run jail each meet what a hostile
# submission does (tests/unit/hostile.c), and one small tree of lab03 is
# graded end to end with hostile names, FIFOs and floods of files beside it.

load helpers
WB_LAB=common
ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

setup() {
	cd "$ROOT" || return 1
	. tests/bin/stage.sh
	. tests/bin/gradelib.sh
	SUB=$BATS_TEST_TMPDIR/sub
	MARK=wbmark$$x$RANDOM
	mkdir -p "$SUB"
}

# no_mark: no file named by this test's mark was made anywhere we can see.
no_mark() {
	local found
	found=$(find /tmp /var/tmp /dev/shm "$ROOT" -maxdepth 3 -name "*$MARK*" \
		! -path "$BATS_TEST_TMPDIR/*" 2>/dev/null) || true
	[ -z "$found" ] && return 0
	echo "left behind: $found" >&2
	return 1
}

@test "input: the intake takes the lab's own files only: no symlink, FIFO, hostile name or flood" {
	local lab=$SUB/lab03-race
	mkdir -p "$lab/many"
	cp solutions/lab03-race/race.c "$lab/"
	ln -s "$ROOT/solutions/lab03-race/counters.c" "$lab/counters.c"
	mkfifo "$lab/counters.h"
	touch "$lab/x;touch $MARK;.c" "$lab/\$(touch $MARK).c" "$lab/\`touch $MARK\`.h"
	(cd "$lab/many" && seq 1 100 | xargs touch)
	run timeout 10 bash -c '. tests/bin/gradelib.sh; wb_intake "$1" "$2" lab03-race' \
		intake "$SUB" "$BATS_TEST_TMPDIR/in"
	[ "$status" = 0 ]
	[[ $output == *"counters.c: not a regular file"* ]]
	[[ $output == *"counters.h: not a regular file"* ]]
	[ "$(ls "$BATS_TEST_TMPDIR/in/lab03-race")" = race.c ]
	no_mark
}

@test "input: a symbolic link for a lab folder, or for labs/, is not taken" {
	mkdir -p "$SUB/clone"
	ln -s "$ROOT/solutions" "$SUB/clone/labs"
	run wb_find_labs "$SUB/clone"
	[ "$status" = 1 ]
	mkdir -p "$SUB/labs"
	ln -s "$ROOT/solutions/lab03-race" "$SUB/labs/lab03-race"
	run wb_intake "$SUB/labs" "$BATS_TEST_TMPDIR/in" lab03-race
	[[ $output == *"no such folder"* ]]
	[ -z "$(ls "$BATS_TEST_TMPDIR/in/lab03-race")" ]
}

@test "input: a clone's root is recognised as the folder of its labs" {
	mkdir -p "$SUB/clone/labs/lab03-race"
	run wb_find_labs "$SUB/clone"
	[ "$output" = "$SUB/clone/labs" ]
	run wb_find_labs "$SUB/clone/labs"
	[ "$output" = "$SUB/clone/labs" ]
	run wb_find_labs "$SUB"
	[ "$status" = 1 ]
}

# hostile_build SOURCE: builds lab03 with counters.c replaced by SOURCE;
# sets $status and $output to the build's status and log.
hostile_build() {
	local tree=$BATS_TEST_TMPDIR/tree
	mkdir -p "$tree"
	cp -r solutions/lab03-race "$tree/"
	printf '%s\n' "$1" >"$tree/lab03-race/counters.c"
	status=0
	WB_BUILD_CPU=1 wb_build_lab "$tree" lab03-race "$BATS_TEST_TMPDIR/out" || status=$?
	output=$(cat "$BATS_TEST_TMPDIR/out/lab03-race.build.log")
}

@test "input: the compiler cannot include the reference, or embed a file the grader can read" {
	hostile_build "#include \"$ROOT/solutions/lab03-race/counters.c\""
	[ "$status" != 0 ]
	[[ $output == *"No such file or directory"* ]]
	# Root can read this file; the jail's user cannot.
	local secret=$BATS_TEST_TMPDIR/secret
	echo "$MARK-secret" >"$secret"
	chmod 600 "$secret"
	hostile_build "__asm__(\".incbin \\\"$secret\\\"\");"
	[ "$status" != 0 ]
	[[ $output != *"$MARK-secret"* ]]
}

@test "input: a compiler that runs without end is stopped by its CPU cap" {
	SECONDS=0
	hostile_build "static char big[1 << 28] = {[0 ... (1 << 28) - 1] = 1}; char *p = big;"
	[ "$status" != 0 ]
	((SECONDS < 60))
}

@test "input: a graded program cannot read the reference, write the tests or reach the network" {
	local before
	before=$(cat tests/helpers.bash | md5sum)
	wb_run hostile read "$ROOT/solutions/lab03-race/counters.c"
	wb_status 1
	wb_run hostile write "$ROOT/tests/helpers.bash"
	wb_status 1
	[ "$(cat tests/helpers.bash | md5sum)" = "$before" ]
	# A server on the host's loopback, which the host itself can reach.
	python3 -c 'import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
print(s.getsockname()[1], flush=True); time.sleep(20)' >"$BATS_TEST_TMPDIR/port" 3>&- &
	local server=$! port=
	for _ in $(seq 100); do
		port=$(<"$BATS_TEST_TMPDIR/port") && [ -n "$port" ] && break
		sleep 0.05
	done
	exec {probe}<>"/dev/tcp/127.0.0.1/$port"
	exec {probe}>&-
	wb_run hostile net "$port"
	kill "$server"
	wb_status 1
	wb_stderr_has "connect 127.0.0.1: Connection refused"
	wb_stderr_has "connect 192.0.2.1: Network is unreachable"
}

@test "input: what a graded program leaves (detached children, IPC objects, temp files) is gone when it ends" {
	# The mark in the environment finds the detached child, wherever it is.
	WB_MARK=$MARK wb_run hostile detach
	wb_status 0
	wb_run hostile leave "$MARK"
	wb_status 0
	sleep 0.2
	[ -z "$(grep -l -z "^WB_MARK=$MARK\$" /proc/[0-9]*/environ 2>/dev/null)" ]
	no_mark
}

@test "input: floods of output or of /tmp stop at their caps; a fork bomb and a hang end by the timeout" {
	wb_run hostile flood
	wb_status 153 # SIGXFSZ: the file-size cap
	wb_run hostile fill-tmp
	wb_status 153
	wb_run -t 1 hostile fork-bomb
	[ "$status" = 124 ]
	wb_run -t 1 hostile hang
	[ "$status" = 124 ]
}

@test "input: kill(-1, SIGKILL) from a graded program kills nothing outside its jail" {
	sleep 30 3>&- &
	local pid=$!
	wb_run hostile kill-all
	kill -0 "$pid"
	kill "$pid"
}

@test "input: make grade scores a lab with hostile names, a FIFO and 20000 files beside it in full" {
	local lab=$SUB/labs/lab03-race
	mkdir -p "$lab/many"
	cp solutions/lab03-race/*.[ch] "$lab/"
	touch "$lab/x;touch $MARK;.c" "$lab/\$(touch $MARK).c"
	mkfifo "$lab/stdio.h"
	(cd "$lab/many" && seq 1 20000 | xargs touch)
	run timeout 120 env WB_ONLY=03 WB_GRADE_OUT="$BATS_TEST_TMPDIR/grade" \
		LABS_DIR="$SUB" MAKE=make tests/bin/grade
	[ "$status" = 0 ]
	[[ $output == *"grading the labs found in $SUB/labs"* ]]
	[[ $output =~ lab03-race\ +[0-9]+/[0-9]+\ +10 ]]
	no_mark
}

@test "input: a LABS_DIR whose name holds make or shell code is refused before it runs" {
	local name
	for name in "x\$(shell touch $MARK)" "x\`touch $MARK\`" "x;touch $MARK"; do
		run make -s -C "$ROOT" grade LABS_DIR="$BATS_TEST_TMPDIR/$name"
		[ "$status" = 2 ]
		[[ $output == *"LABS_DIR: a folder name may not hold"* ]]
	done
	no_mark
}
