#!/usr/bin/env bats
# lab21-testing: a check-then-act bug that plain runs almost never show,
# caught by seeded perturbation, by a deterministic scheduler that tries
# every interleaving, and by ThreadSanitizer. The exercise tests never trust
# claim's own output, except the stress-then-replay one, which is about what
# claim prints: test drivers (tests/drivers/lab21-testing/) run their own
# threads through the tree's scheduler, and the tree's fix under a
# scheduler of their own.

load helpers

@test "demo: the default run shows a plain run, a seeded run, then explore trying all 20 interleavings" {
	wb_run claim --rounds 200
	wb_racy_status 0
	wb_stdout_has "plain run: 200 rounds of 2 threads claiming one slot (3 steps each):"
	wb_stdout_has "seeded run (seed 1: yields and sleeps at the yield points): 200 rounds,"
	wb_stdout_has "explore (racy code): 2 threads x 3 steps: C(6, 3) = 20 interleavings, 20 run,"
}

@test "demo: replay prints a schedule step by step and says whether the slot has one owner" {
	wb_run claim --mode replay --schedule 4
	wb_status 0
	wb_stdout_has "replay of schedule 4: AABBBA (2 switches), step by step:"
	wb_stdout_has "A  check    sees the slot free"
	wb_stdout_has "own"
}

@test "input: --csv prints a header and one row per interleaving or seed" {
	wb_run claim --mode explore --steps 4 --csv
	wb_status 0
	[ "${#lines[@]}" = 71 ]
	[ "${lines[0]}" = "schedule,order,switches,failed" ]
	[ "${lines[1]%,*}" = "1,AAAABBBB,1" ]
	wb_run claim --mode stress --seeds 5 --seed 7 --csv
	wb_status 0
	[ "${#lines[@]}" = 6 ]
	[ "${lines[0]}" = "seed,order,failed" ]
	[ "$(wb_csv_field seed)" = 7 ]
}

@test "input: --help describes every option and exits 0" {
	wb_run claim --help
	wb_status 0
	for o in --mode --code --steps --seed --seeds --schedule --rounds --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	# The option parser itself is tested in common.bats: here, this
	# program's ranges and the checks across options.
	local rows=("--mode walk" "--mode" "--code safe" "--steps 1" "--steps 9"
		"--seed 1000000001" "--seeds 100001" "--schedule 12871"
		"--rounds 100001" "--csv=1" "--threads 2"
		"--schedule 3 --mode explore" "--mode replay"
		"--mode replay --seed 1 --schedule 1"
		"--schedule 21 --mode replay --steps 3")
	wb_bad_input claim "${rows[@]}"
}

# weight: 3
@test "exercise: the scheduler runs one thread at a time, in the schedule's order: all C(2k, k) schedules of 2 threads x k steps, k = 1..4" {
	wb_driver dhand two
}

# weight: 1
@test "exercise: the hand-off works for 3 threads (all 90 schedules of 2 steps each), skips finished threads and goes on past the schedule's end" {
	wb_driver dhand three
}

# weight: 1
@test "exercise: explore runs C(2k, k) interleavings of the racy claim and all but the 2 serial ones fail (k = 2..5)" {
	wb_driver dcount
}

# weight: 1
@test "exercise: stress finds a failing seed, and replaying that seed fails again, every time" {
	wb_run claim --mode stress --seeds 50
	wb_status 0
	local seed
	seed=$(sed -n 's/^first failing seed: \([0-9]*\) .*/\1/p' <<<"$output")
	[ -n "$seed" ] || { echo "stress found no failing seed" >&2; wb_explain; return 1; }
	for i in 1 2 3; do
		wb_run claim --mode replay --seed "$seed"
		wb_status 0
		wb_stdout_has "2 threads think they own the slot: FAILED"
	done
}

# weight: 2
@test "exercise: the fixed claim leaves exactly one owner in every interleaving (k = 2..5, the driver's own scheduler)" {
	wb_driver dfix
}

# weight: 2
@test "exercise: the fixed claim on real threads with perturbed yield points: one owner in 300 rounds, and ThreadSanitizer finds no race" {
	wb_driver -t 20 --tsan dtsan
}
