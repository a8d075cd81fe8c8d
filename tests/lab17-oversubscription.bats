#!/usr/bin/env bats
# lab17-oversubscription: more threads than CPUs. The exercise tests never
# read what oversub prints: test drivers (tests/drivers/lab17-
# oversubscription/) call pin_choose on CPU sets of their own, pin threads
# with pin_self and sample sched_getcpu themselves, and count the work that
# step_short does while holding a lock (-Wl,--wrap=wb_burn).

load helpers

# The CPUs this test may use, as oversub sees them: "0 1".
allowed_cpus() {
	taskset -cp $$ | sed 's/.*: //' | tr ',' '\n' |
		awk -F- '{ for (c = $1; c <= ($2 == "" ? $1 : $2); c++) print c }' | tr '\n' ' '
}

@test "demo: the ping-pong counts every round both ways, threads and processes, on one CPU and on two" {
	wb_run oversub --demo pingpong --rounds 300 --reps 1
	wb_status 0
	wb_stdout_has "a byte there and back over two pipes, 300 rounds"
	[ "$(grep -c '300 rounds, 300 answered$' <<<"$output")" = 4 ] || {
		echo "expected 4 runs of 300 rounds, 300 answered" >&2
		wb_explain
		return 1
	}
}

@test "demo: the ping-pong reports its context switches (getrusage), and they are not zero" {
	wb_run oversub --demo pingpong --rounds 200 --reps 1 --csv
	wb_status 0
	[ "${#lines[@]}" = 5 ]
	paste -d' ' <(wb_csv_column voluntary) <(wb_csv_column involuntary) |
		awk '{ if ($1 + $2 <= 0) bad = 1 } END { exit bad }' || {
		echo "expected every row's voluntary + involuntary > 0" >&2
		wb_explain
		return 1
	}
}

@test "demo: the default run shows all four demos: ping-pong, then the cpu, lock and io teams of 1 and of 4 threads per CPU" {
	wb_run oversub --rounds 200 --ms 20 --reps 1
	wb_status 0
	wb_stdout_has "pingpong: a byte there and back"
	wb_stdout_has "cpu: one operation is 50 us computing"
	wb_stdout_has "all of it holding a spin lock (step_long)"
	wb_stdout_has "then the lock only to add (step_short)"
	wb_stdout_has "io: one operation is 1 ms waiting"
	wb_stdout_has "threads (1 per CPU)"
	wb_stdout_has "threads (4.0 per CPU)"
	[[ $output != *LOST* ]]
}

@test "demo: spread on a single allowed CPU says so and runs (taskset -c, or --cpu)" {
	local cpus=($(allowed_cpus))
	wb_run --under "/usr/bin/taskset -c ${cpus[-1]}" oversub --demo pingpong --pin spread --rounds 100 --reps 1
	wb_status 0
	wb_stdout_has "spread: only 1 CPU allowed (${cpus[-1]}): both sides share it"
	wb_stdout_has "100 rounds, 100 answered"
	wb_run oversub --demo pingpong --pin spread --cpu "${cpus[0]}" --rounds 100 --reps 1
	wb_status 0
	wb_stdout_has "spread: only 1 CPU allowed (${cpus[0]})"
}

@test "input: --csv prints a header and one row a team" {
	wb_run oversub --demo io --threads 3 --ms 20 --reps 2 --csv
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "demo,variant,pin,threads,cpus,ops_median,ops_min,ops_max,us_per_op,voluntary,involuntary" ]
	[ "$(wb_csv_field demo)" = io ]
	[ "$(wb_csv_field threads)" = 3 ]
	[[ $(wb_csv_field ops_median) =~ ^[0-9]+\.[0-9]$ ]]
}

@test "input: --help describes every option and exits 0" {
	wb_run oversub --help
	wb_status 0
	for o in --demo --threads --pin --cpu --rounds --ms --reps --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	# The option parser itself is tested in common.bats: here, this
	# program's ranges and the checks across its options.
	local rows=("--demo disk" "--pin both" "--threads 0" "--threads 1025"
		"--rounds 0" "--rounds 1000001" "--ms 9" "--ms 10001" "--reps 0"
		"--reps 51" "--cpu -1" "--cpu 1024" "--cpu x" "--cpu 0"
		"--cpu 0 --pin none" "--cpu 1023 --pin same"
		"--threads 4 --demo pingpong" "--ms 50 --demo pingpong"
		"--rounds 10 --demo cpu" "--csv=1")
	wb_bad_input oversub "${rows[@]}"
}

@test "input: a CPU this process may not run on is refused with exit 2 (under taskset -c)" {
	# Pinned to its first CPU, any other CPU is refused, online or not.
	local cpus=($(allowed_cpus))
	local other=$((cpus[0] + 1))
	wb_run --under "/usr/bin/taskset -c ${cpus[0]}" oversub --pin same --cpu "$other"
	wb_status 2
	[ -z "$output" ]
	wb_stderr_has "--cpu: CPU $other is not one this process may run on (allowed: ${cpus[0]})"
}

# weight: 2
@test "exercise: pin_choose(same) gives every thread one CPU, taken from the allowed set, whatever its numbers ({1}, {3,5,9}, {1023}, ...)" {
	wb_driver dchoose same
}

# weight: 2
@test "exercise: pin_choose(spread) gives each thread a different allowed CPU until all have one, then goes round again; none gives -1" {
	wb_driver dchoose spread
}

# weight: 3
@test "exercise: threads pinned with pin_self run only on their CPU (2000 sched_getcpu samples each, while yielding and sleeping), also with one allowed CPU" {
	wb_driver -t 20 dpin
	wb_driver -t 20 dpin last
}

# weight: 3
@test "exercise: step_short computes nothing while holding the lock, and 4 threads x 5000 steps still count every step (ThreadSanitizer)" {
	wb_driver -t 20 --tsan dlock
}
