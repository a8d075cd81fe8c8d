#!/usr/bin/env bats
# lab06-sentinel: producers and consumers over a bounded queue, stopped by
# sentinels or by closing the queue; every item must come out exactly once.

load helpers

# field_is NAME VALUE: column NAME of the last CSV row is VALUE.
field_is() {
	local got
	got=$(wb_csv_field "$1")
	[ "$got" = "$2" ] && return 0
	echo "expected $1 = $2, got '$got'" >&2
	wb_explain
	return 1
}

# exact N: the last CSV row says N produced, N consumed, 0 lost, 0 twice,
# 0 left in the queue.
exact() {
	local got
	got=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
		NR == 2 { print $col["produced"], $col["consumed"], $col["lost"], $col["twice"], $col["left"] }' <<<"$output")
	[ "$got" = "$1 $1 0 0 0" ] && return 0
	echo "expected $1 produced, $1 consumed, 0 lost, 0 twice, 0 left; got '$got'" \
		"(produced consumed lost twice left)" >&2
	wb_explain
	return 1
}

# exactly_once MODE: over a grid of producers, consumers, capacities and
# items (capacity 1, more consumers than items), every run ends by itself
# and every item is consumed exactly once.
exactly_once() {
	local row p c cap n
	for row in "1 4 1 200" "4 1 1 200" "4 4 1 200" "3 5 2 200" "8 2 3 100" \
		"2 3 64 20" "1 8 4 2" "2 16 1 3"; do
		read -r p c cap n <<<"$row"
		wb_run sentinel --shutdown "$1" --producers "$p" --consumers "$c" \
			--capacity "$cap" --items "$n" --idle-ms 0 --watchdog-ms 500 --csv
		wb_status 0 || return 1
		exact $((p * n)) || return 1
	done
}

# shrugs MODE: with a thread waking every waiter for no reason every 50 us,
# every item still comes out exactly once.
shrugs() {
	local row p c cap
	for row in "4 4 1" "2 6 2"; do
		read -r p c cap <<<"$row"
		wb_run sentinel --shutdown "$1" --producers "$p" --consumers "$c" \
			--capacity "$cap" --items 300 --spurious-us 50 --idle-ms 0 \
			--watchdog-ms 500 --csv
		wb_status 0 || return 1
		exact $((p * 300)) || return 1
	done
}

# cheap LINE: a line "while N threads waited MS ms on ... queue, the process
# used CPU ms of CPU" says CPU is under a tenth of MS. A thread that sleeps
# uses next to nothing; one that polls uses a core, or all it can get.
cheap() {
	if [[ $1 =~ waited\ ([0-9]+)\ ms.*used\ ([0-9]+)\.[0-9]+\ ms ]] &&
		((BASH_REMATCH[2] * 10 < BASH_REMATCH[1])); then
		return 0
	fi
	echo "expected the waiting threads to use under 10% of a core:" \
		"a waiting thread must sleep in pthread_cond_wait, not poll" >&2
	wb_explain
	return 1
}

# tsan_clean MODE: ThreadSanitizer finds no data race in a run of MODE.
tsan_clean() {
	wb_run -t 30 --tsan sentinel --shutdown "$1" --producers 4 --consumers 4 \
		--capacity 2 --items 200 --idle-ms 10 --watchdog-ms 600
	wb_tsan_clean
}

@test "demo: with one consumer, one sentinel is enough: every item comes out exactly once" {
	wb_run sentinel --consumers 1 --idle-ms 0
	wb_status 0
	wb_stdout_has "400 items produced, 400 consumed, 0 lost, 0 twice: every item exactly once"
	wb_stdout_has "per consumer: 400"
}

@test "demo: with fewer sentinels than consumers, the watchdog exits 3 and says who still waits" {
	wb_run sentinel --sentinels 2 --idle-ms 0 --watchdog-ms 200
	wb_status 3
	wb_stderr_has "watchdog: no progress for 200 ms"
	wb_stderr_has "consumers still wait in queue_get"
	wb_stderr_has "all 4 producers have finished"
}

@test "demo: the run says how much CPU threads used while they waited on an empty and a full queue" {
	wb_run sentinel --consumers 1 --producers 2 --idle-ms 50
	wb_status 0
	wb_stdout_has "while 1 consumer waited 50 ms on an empty queue, the process used"
	wb_stdout_has "while 2 producers waited 50 ms on a full queue, the process used"
}

@test "exercise: with one sentinel per consumer, every item is consumed exactly once (capacity 1 to 64, 1 to 16 consumers)" {
	exactly_once sentinel
}

@test "exercise: closing the queue, every item is consumed exactly once (capacity 1 to 64, 1 to 16 consumers)" {
	exactly_once close
}

@test "exercise: spurious wake-ups change nothing: every waiter rechecks its condition (while, not if)" {
	shrugs sentinel
	shrugs close
}

@test "exercise: threads waiting on an empty or a full queue sleep: they burn under 10% of a core" {
	wb_run sentinel --idle-ms 250 --watchdog-ms 600
	cheap "${lines[0]-}"
	cheap "${lines[1]-}"
	wb_status 0
}

@test "exercise: 2 sentinels for 4 consumers leave exactly 2 waiting; the watchdog says so and exits 3" {
	wb_run sentinel --consumers 4 --sentinels 2 --idle-ms 0 --watchdog-ms 300
	wb_status 3
	wb_stderr_has "main put 2 sentinels for 4 consumers"
	wb_stderr_has "2 of 4 consumers still wait in queue_get"
	[ -z "$output" ] || { echo "expected nothing on stdout" >&2; wb_explain; return 1; }
}

@test "exercise: with no sentinel at all, every consumer waits until the watchdog exits 3" {
	wb_run sentinel --consumers 3 --sentinels 0 --idle-ms 0 --watchdog-ms 300
	wb_status 3
	wb_stderr_has "main put 0 sentinels for 3 consumers"
	wb_stderr_has "3 of 3 consumers still wait in queue_get"
}

@test "exercise: closing the queue wakes all 16 consumers waiting on it" {
	wb_run sentinel --shutdown close --producers 1 --items 1 --consumers 16 \
		--idle-ms 0 --watchdog-ms 500
	wb_status 0
	wb_stdout_has "1 items produced, 1 consumed, 0 lost, 0 twice"
}

@test "exercise: a put on a closed queue is refused" {
	wb_run sentinel --shutdown close --idle-ms 0 --watchdog-ms 500
	wb_status 0
	wb_stdout_has "a put after close was refused"
}

@test "exercise: ThreadSanitizer finds no data race with sentinel shutdown" {
	tsan_clean sentinel
}

@test "exercise: ThreadSanitizer finds no data race when the queue is closed" {
	tsan_clean close
}

@test "input: --csv prints a header and one row with the counts" {
	wb_run sentinel --consumers 1 --producers 2 --items 50 --idle-ms 0 --csv
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "shutdown,producers,consumers,capacity,items,sentinels,produced,consumed,lost,twice,left,late_put,ms,idle_ms,empty_cpu_ms,full_cpu_ms" ]
	field_is shutdown sentinel
	field_is sentinels 1
	field_is produced 100
}

@test "input: --help describes every option and exits 0" {
	wb_run sentinel --help
	wb_status 0
	for o in --producers --consumers --capacity --items --shutdown --sentinels \
		--watchdog-ms --idle-ms --spurious-us --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --producers
	wb_bad_int rows --items
	rows+=("--producers 65" "--consumers 0" "--consumers 65" "--consumers x"
		"--capacity 0" "--capacity 1000001" "--capacity 8k" "--items 100001"
		"--watchdog-ms 9" "--watchdog-ms 1s" "--shutdown drain" "--shutdown"
		"--sentinels abc" "--sentinels -1" "--sentinels 65"
		"--sentinels 5 --consumers 4" "--sentinels 1 --shutdown close"
		"--idle-ms -1" "--idle-ms 60001" "--idle-ms 1001 --watchdog-ms 2000"
		"--spurious-us -5" "--spurious-us 1000001"
		"--bogus" "stray" "--csv=yes")
	wb_bad_input sentinel "${rows[@]}"
}
