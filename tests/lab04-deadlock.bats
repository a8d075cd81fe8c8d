#!/usr/bin/env bats
# lab04-deadlock: lock-order inversion forced, detected, and fixed two ways.

load helpers

# Exercise tests grade the tree's transfer_ordered and transfer_trylock
# through the test driver audit (tests/drivers/lab04-deadlock): it makes
# known transfers and checks every balance itself, sees every mutex call and
# sleep (-Wl,--wrap), forces tellers to collide in step, and ends a run that
# deadlocks (at once) or livelocks (after 1 s, 3 s under a sanitizer) with
# exit 3 and a report.

# audited [--tsan] MODE STRATEGY: audit ran MODE on STRATEGY and all its
# checks held: exit 0, its own last line, and no ThreadSanitizer report.
audited() {
	local tsan=()
	[ "$1" = --tsan ] && tsan=(--tsan) && shift
	wb_run -t 30 "${tsan[@]}" audit "$@"
	if [ "$status" = 0 ] && [ "$(tail -n 1 <<<"$output")" = "audit: pass" ] &&
		[[ $stderr != *ThreadSanitizer* ]]; then
		return 0
	fi
	echo "expected audit $* to exit 0 with 'audit: pass' last (and no ThreadSanitizer report)" >&2
	wb_explain
	return 1
}

@test "demo: naive with --force deadlocks every time; the watchdog names the cycle (reading it without a data race) and exits 3" {
	wb_run -t 5 --tsan bank --force --threads 3 --watchdog-ms 600
	wb_status 3
	wb_stderr_has "no progress for 600 ms (progress counter stuck at 0)"
	wb_stderr_has "thread 0 holds account 0, waits for account 1 (held by thread 1)"
	wb_stderr_has "thread 1 holds account 1, waits for account 2 (held by thread 2)"
	wb_stderr_has "thread 2 holds account 2, waits for account 0 (held by thread 0)"
	wb_stderr_has "cycle: T0 -> T1 -> T2 -> T0"
	if [[ $stderr == *ThreadSanitizer* ]]; then
		echo "expected ThreadSanitizer to find nothing in the report" >&2
		wb_explain
		return 1
	fi
}

@test "demo: without --force naive usually deadlocks; either way the run ends and says what happened" {
	wb_run -t 5 bank --watchdog-ms 500
	if [ "$status" = 3 ]; then
		wb_stderr_has "cycle: T"
		wb_stderr_has "fix: lock the accounts in one global order"
	else
		wb_status 0
		wb_stdout_has "no deadlock this time"
	fi
}

@test "demo: ThreadSanitizer predicts naive's deadlock from one thread that cannot deadlock" {
	wb_run -t 30 --tsan bank --threads 1 --transfers 50
	wb_stderr_has "lock-order-inversion (potential deadlock)"
	wb_stdout_has "all 50 transfers done"
}

@test "demo: one thread never deadlocks, even naive with --force" {
	wb_run bank --threads 1 --transfers 1000 --force
	# Under ThreadSanitizer, exit 66 is its report of naive's lock order.
	wb_racy_status 0
	wb_stdout_has "all 1000 transfers done"
	wb_stdout_has "total balance: expected 2000, found 2000: conserved"
}

# weight: 1
@test "exercise: ordered moves each amount from payer to payee, also with tellers forced to collide" {
	audited moves ordered
}

# weight: 2
@test "exercise: ordered waits for account locks in one global order (no lock-order inversion)" {
	audited order ordered
}

# weight: 2
@test "exercise: ordered never deadlocks: tellers forced to take their first accounts together all finish" {
	audited collide ordered
}

# weight: 1
@test "exercise: trylock moves each amount from payer to payee, also with tellers forced to collide" {
	audited moves trylock
}

# weight: 2
@test "exercise: trylock never deadlocks or livelocks: tellers forced to collide in step all finish" {
	audited collide trylock
}

# weight: 1
@test "exercise: trylock counts each time it gives its first account back in t->retries" {
	audited retries trylock
}

# weight: 1
@test "exercise: ThreadSanitizer finds no data race in ordered or trylock, tellers forced to collide" {
	audited --tsan races ordered && audited --tsan races trylock
}

@test "input: --csv prints a header and one row with the counts" {
	wb_run bank --threads 1 --transfers 1000 --csv
	wb_racy_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "strategy,threads,accounts,transfers,force,completed,expected_total,found_total,retries,seconds" ]
	[ "$(wb_csv_field completed)" = 1000 ]
	[ "$(wb_csv_field expected_total)" = 2000 ]
}

@test "input: --help describes every option and exits 0" {
	wb_run bank --help
	wb_status 0
	for o in --threads --accounts --transfers --strategy --force --watchdog-ms --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --threads
	rows+=("--accounts 1" "--threads 65" "--accounts 100001"
		"--transfers 100000001" "--watchdog-ms 9" "--strategy fast"
		"--strategy" "--force=yes" "--csv=1" "--bogus" "stray"
		"--accounts 2 --threads 3 --force")
	wb_bad_input bank "${rows[@]}"
}
