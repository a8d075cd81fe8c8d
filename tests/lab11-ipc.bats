#!/usr/bin/env bats
# lab11-ipc: frames from a parent to its child over a pipe, a socketpair
# and a POSIX message queue; short reads and writes; pointers do not travel.

load helpers

# short_reads TRANSPORT: the number of short reads the default run reports
# for TRANSPORT.
short_reads() {
	sed -nE "s/^  $1 .*reads: ([0-9]+) returned fewer bytes than asked.*/\1/p" <<<"$output"
}

@test "demo: the default run sends 8 frames of 1 MiB over each transport, and reads come short" {
	wb_run ipc
	wb_status 0
	local t n
	for t in pipe socketpair mqueue; do
		n=$(short_reads "$t")
		[ -n "$n" ] || { echo "no line for $t" >&2; wb_explain; return 1; }
	done
	# A pipe holds 64 KiB: a read asking for 1 MiB gets less, every time.
	n=$(short_reads pipe)
	((n > 0)) || { echo "expected short reads on the pipe" >&2; wb_explain; return 1; }
	wb_stdout_has "a message holds at most"
}

@test "demo: --demo pointer: the child finds its own stale copy behind the parent's pointer" {
	wb_run ipc --demo pointer
	wb_status 0
	wb_stdout_has "child:  value 42: a number arrives as it was"
	wb_stdout_has 'holds "written before the fork"'
	wb_stdout_has 'parent: sends value 42'
}

@test "demo: --demo records times a text round trip against a raw copy, and decodes every record" {
	wb_run ipc --demo records
	wb_status 0
	wb_stdout_has "30000 records of"
	grep -Eq '^  raw copy +[0-9.]+ ms$' <<<"$output" || { wb_explain; return 1; }
	grep -Eq '^  text round trip +[0-9.]+ ms \(' <<<"$output" || { wb_explain; return 1; }
}

@test "demo: SIGINT, SIGTERM and SIGKILL at 20 random moments leave no process, zombie or message queue" {
	wb_driver killcheck
}

# weight: 3
@test "exercise: read_full reads on after short reads and EINTR, stops at the end of the stream, passes errors on" {
	wb_driver fullio read
}

# weight: 2
@test "exercise: write_full writes on after short writes and EINTR, and passes errors on" {
	wb_driver fullio write
}

# weight: 3
@test "exercise: frame_read gets whole frames one byte a read; a length above the limit or a cut stream is an error, never an overflow" {
	wb_driver frames
}

# weight: 1
@test "exercise: frames of random sizes come byte-exact over pipe, socketpair and mqueue, written whole and in pieces of 7 and 1" {
	wb_driver roundtrip
}

# weight: 1
@test "exercise: a frame cut short by the end of the stream, or with a length above the limit, ends the run with status 1 and says so" {
	wb_run ipc --transport pipe --size 65536 --count 3 --fault cut
	wb_status 1
	wb_stderr_has "ipc: pipe: frame 2: the stream ended inside it"
	wb_run ipc --transport mqueue --size 65536 --count 3 --fault length
	wb_status 1
	wb_stderr_has "ipc: mqueue: frame 2: length 65537 is above the limit of 65536 bytes"
}

@test "input: --csv prints the header and one row per transport, with median, min and max MiB/s" {
	wb_run ipc --csv --transport pipe --size 64 --count 4 --reps 2
	wb_status 0
	[ "${#lines[@]}" = 2 ] || { wb_explain; return 1; }
	[ "${lines[0]}" = "transport,size,count,chunk,reps,median_mib_s,min_mib_s,max_mib_s" ]
	[[ ${lines[1]} =~ ^pipe,64,4,0,2,[0-9.]+,[0-9.]+,[0-9.]+$ ]] || { wb_explain; return 1; }
}

@test "input: --help names every option" {
	wb_run ipc --help
	wb_status 0
	local o
	for o in --demo --transport --size --count --chunk --reps --fault --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: ipc refuses bad options with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --count
	rows+=("--size -1" "--size 16777217" "--size 1x" "--size"
		"--chunk -1" "--chunk 16777217" "--chunk abc"
		"--reps 101" "--count 1000001" "--transport tcp" "--demo pickle"
		"--fault late" "--bogus" "stray" "--csv=1"
		"--reps 3" "--fault cut --csv" "--demo pointer --size 8"
		"--demo records --csv")
	wb_bad_input ipc "${rows[@]}"
}
