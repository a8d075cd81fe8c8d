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

# weight: 3
@test "exercise: a thread waiting in get on an empty queue, or in put on a full one, sleeps: no CPU, no polling" {
	# The wb_driver reads the kernel's counts for each waiting thread over
	# 300 ms: under 30 ms runnable (on a CPU or waiting for one), at
	# most 10 wake-ups. A busy wait is runnable all the time; a 1 ms
	# sleep-and-look poll wakes about 300 times.
	wb_driver qsleep
}

# weight: 2
@test "exercise: a waiter woken with nothing changed waits on (while, not if), and wakes when its queue changes" {
	wb_driver qwhile
}

# weight: 1
@test "exercise: closing the queue wakes all 8 consumers waiting in get, and their get fails" {
	wb_driver qclose getters
}

# weight: 1
@test "exercise: closing the queue wakes the producers waiting in put on a full queue, and their put fails" {
	wb_driver qclose putters
}

# weight: 1
@test "exercise: a closed queue refuses puts and still hands out the items it holds, then says closed" {
	wb_driver qclose drain
}

# weight: 1
@test "exercise: stop_by_sentinels puts exactly r->sentinels sentinels, and each stops one consumer" {
	wb_driver qstop
}

# weight: 1
@test "exercise: under ThreadSanitizer, every item is consumed exactly once, stopped by sentinels or by close (capacity 1 to 64, 1 to 8 consumers)" {
	wb_driver -t 20 --tsan qonce
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
	# The option parser itself is tested in common.bats: here, this
	# program's ranges and the checks across its options.
	local rows=("--producers abc" "--producers 0" "--producers 65"
		"--consumers 0" "--consumers 65" "--capacity 0" "--capacity 1000001"
		"--items 0" "--items 100001" "--watchdog-ms 9" "--shutdown drain"
		"--sentinels -1" "--sentinels 65" "--sentinels 5 --consumers 4"
		"--sentinels 1 --shutdown close" "--idle-ms 60001"
		"--idle-ms 1001 --watchdog-ms 2000" "--spurious-us 1000001")
	wb_bad_input sentinel "${rows[@]}"
}
