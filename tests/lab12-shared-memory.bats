#!/usr/bin/env bats
# lab12-shared-memory: processes that share memory (shm_open, mmap): lab03's
# race across processes, a process-shared and robust mutex, copy-on-write
# after fork, and a segment whose name is gone as soon as it is mapped.
# The exercise tests never trust shm's own output: test drivers
# (tests/drivers/lab12-shared-memory/) see the mutex's attributes, kill a
# lock holder, list /dev/shm (private to each run in the jail) and kill the
# counter at random moments. ThreadSanitizer sees each process alone: a race
# between two processes is invisible to it, so the unsafe mode may end 0
# under SAN=thread (wb_racy_status accepts 66 too).

load helpers

@test "demo: the default run, 4 processes counting unsafely in shared memory, loses updates" {
	local args=()
	# A ThreadSanitizer build is about ten times slower: less work.
	[[ ${SAN:-} != *thread* ]] || args=(--iters 2000000)
	wb_run shm "${args[@]}"
	wb_racy_status 0
	[[ $output =~ expected\ ([0-9]+),\ counted\ ([0-9]+):\ ([0-9]+)\ updates\ lost ]] ||
		{ echo "expected a line 'expected N, counted M: K updates lost'" >&2; wb_explain; return 1; }
	((BASH_REMATCH[2] < BASH_REMATCH[1]))
}

@test "demo: the atomic mode counts exactly with 1 to 8 processes" {
	local n
	for n in $(seq 8); do
		wb_run shm --mode atomic --procs "$n" --iters 20000 --csv
		wb_status 0
		[ "$(wb_csv_field expected)" = $((n * 20000)) ]
		[ "$(wb_csv_field counted)" = $((n * 20000)) ] ||
			{ echo "atomic mode, $n processes: not exact" >&2; wb_explain; return 1; }
	done
}

@test "demo: after fork the child's writes to a private map are copies the parent never sees; to a shared map, not" {
	# ThreadSanitizer's shadow memory would count as copied pages too.
	wb_run --no-tsan shm --demo cow
	wb_status 0
	wb_stdout_has "the parent still reads 1 in 4096 of 4096 pages"
	wb_stdout_has "the parent reads 2 in 4096 of 4096 pages"
	# Each of the 4096 private pages was copied: a fault each, 16 MiB.
	awk '/^private map:/ { f = $10; d = $16 } /^shared map:/ { s = $16 }
		END { exit !(f >= 4096 && d + 0 >= 15.9 && s + 0 < 1) }' <<<"$output" ||
		{ echo "expected >= 4096 faults and +16 MiB private dirty for the private map, ~0 for the shared one" >&2; wb_explain; return 1; }
}

@test "demo: ring moves messages through shared memory and prints lab11's CSV columns" {
	wb_run ring --size 4096 --count 500 --reps 2 --sync atomic --csv
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "transport,size,count,chunk,reps,median_mib_s,min_mib_s,max_mib_s" ]
	[[ ${lines[1]} =~ ^shm-atomic,4096,500,0,2,[0-9]+\.[0-9],[0-9]+\.[0-9],[0-9]+\.[0-9]$ ]] ||
		{ echo "unexpected row" >&2; wb_explain; return 1; }
}

@test "input: shm --csv prints a header and one row" {
	wb_run shm --mode atomic --procs 2 --iters 1000 --csv
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "mode,procs,iters,expected,counted,ms" ]
	[ "$(wb_csv_field mode)" = atomic ]
	[ "$(wb_csv_field procs)" = 2 ]
}

@test "input: --help of shm and ring describes every option and exits 0" {
	wb_run shm --help
	wb_status 0
	for o in --demo --mode --procs --iters --csv; do wb_stdout_has "$o"; done
	wb_run ring --help
	wb_status 0
	for o in --size --count --sync --reps --csv; do wb_stdout_has "$o"; done
}

@test "input: shm refuses bad options, and options the demo does not take, with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --procs
	rows+=("--procs 65" "--iters 1000000001" "--mode safe" "--mode"
		"--demo fork" "--demo" "--csv=1" "--bogus" "stray"
		"--mode mutex --demo cow" "--csv --demo owner-dies"
		"--procs 2 --demo cow" "--iters 9 --demo cow"
		"--procs 1 --demo owner-dies" "--mode atomic --demo owner-dies")
	wb_bad_input shm "${rows[@]}"
}

@test "input: ring refuses bad options with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --count
	rows+=("--size 7" "--size 67108865" "--size x" "--count 100000001"
		"--reps 1001" "--sync spin" "--sync" "--csv=yes")
	wb_bad_input ring "${rows[@]}"
}

# weight: 4
@test "exercise: shared_mutex_init makes a process-shared, robust mutex; under it 1 to 8 processes count exactly, and ring's lock mode works" {
	wb_driver checkinit
	wb_run ring --size 256 --count 2000 --reps 1 --sync lock --csv
	wb_status 0
	[[ ${lines[1]:-} == shm-lock,256,2000,0,1,* ]] || { wb_explain; return 1; }
}

# weight: 3
@test "exercise: robust_take: when the holder dies, the next taker repairs the count and makes the lock consistent; owner-dies keeps its invariant" {
	wb_driver checkrobust
	wb_run shm --demo owner-dies --procs 3 --iters 20000
	wb_status 0
	wb_stdout_has "expected 50000 (2 x 20000, and 10000 by process 0 before it died), counted 50000, tallies 50000: the invariant holds"
}

# weight: 1
@test "exercise: segment_create's segment is shared across fork, and its name is gone from /dev/shm when it returns" {
	wb_driver checksegment
}

# weight: 2
@test "exercise: the counter killed by SIGINT, SIGTERM or SIGKILL at random moments (20 trials) leaves no process and nothing in /dev/shm" {
	wb_driver -t 30 checkkill
}
