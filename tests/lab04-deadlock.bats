#!/usr/bin/env bats
# lab04-deadlock: lock-order inversion forced, detected, and fixed two ways.

load helpers


# Watchdog limits: a finished strategy never goes 500 ms (1000 ms under
# ThreadSanitizer) without a transfer, and an unfinished one (the starter
# falls back to naive) deadlocks under --force and fails that fast. The
# limit also covers starting the threads, so runs whose report is checked
# get no less than 500 ms, even on a machine busy with other work.

# completes STRATEGY: every transfer is done and the bank's total is
# conserved, for each THREADS[:ACCOUNTS] below: with --force wherever there
# is an account per thread, and without it when more threads share fewer
# accounts (random pairs, heavy contention).
completes() {
	local spec n accounts force
	for spec in 2 3 4 8 2:5 4:2 8:3; do
		n=${spec%:*} accounts=${spec#*:} force=()
		((accounts >= n)) && force=(--force)
		wb_run bank --strategy "$1" --threads "$n" --accounts "$accounts" \
			--transfers 20000 --watchdog-ms 500 --csv "${force[@]}"
		wb_status 0 || return 1
		local completed expected found
		completed=$(wb_csv_field completed)
		expected=$(wb_csv_field expected_total)
		found=$(wb_csv_field found_total)
		if [ "$completed" != $((n * 20000)) ] || [ "$found" != "$expected" ]; then
			echo "$1, $n threads, $accounts accounts ${force[*]}: completed $completed of $((n * 20000)), total $found, expected $expected" >&2
			wb_explain
			return 1
		fi
	done
}

# tsan_clean STRATEGY: no lock-order inversion from one thread that moves
# money both ways between two accounts, and no data race under --force.
tsan_clean() {
	wb_run -t 30 --tsan bank --strategy "$1" --threads 1 --transfers 50
	wb_tsan_clean || return 1
	wb_run -t 30 --tsan bank --strategy "$1" --threads 4 --transfers 2000 \
		--force --watchdog-ms 1000
	wb_tsan_clean
}

@test "demo: naive with --force deadlocks every time; the watchdog names the cycle and exits 3" {
	wb_run -t 5 bank --force --threads 3 --watchdog-ms 500
	wb_status 3
	wb_stderr_has "no progress for 500 ms (progress counter stuck at 0)"
	wb_stderr_has "thread 0 holds account 0, waits for account 1 (held by thread 1)"
	wb_stderr_has "thread 1 holds account 1, waits for account 2 (held by thread 2)"
	wb_stderr_has "thread 2 holds account 2, waits for account 0 (held by thread 0)"
	wb_stderr_has "cycle: T0 -> T1 -> T2 -> T0"
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

@test "demo: the watchdog reads who holds what without a data race (ThreadSanitizer is silent)" {
	wb_run -t 30 --tsan bank --force --threads 2 --watchdog-ms 600
	wb_status 3
	wb_stderr_has "cycle: T0 -> T1 -> T0"
	if [[ $stderr == *ThreadSanitizer* ]]; then
		echo "expected ThreadSanitizer to find nothing in the report" >&2
		wb_explain
		return 1
	fi
}

@test "demo: one thread never deadlocks, even naive with --force" {
	wb_run bank --threads 1 --transfers 1000 --force
	# Under ThreadSanitizer, exit 66 is its report of naive's lock order.
	wb_racy_status 0
	wb_stdout_has "all 1000 transfers done"
	wb_stdout_has "total balance: expected 2000, found 2000: conserved"
}

@test "exercise: ordered finishes every transfer with the total conserved, at 2 to 8 threads" {
	completes ordered
}

@test "exercise: trylock finishes every transfer with the total conserved, at 2 to 8 threads" {
	completes trylock
}

@test "exercise: trylock counts its retries (--force makes at least one certain)" {
	local n
	for n in 2 4 8; do
		wb_run bank --strategy trylock --force --threads "$n" --transfers 10 \
			--watchdog-ms 500 --csv
		wb_status 0 || return 1
		if ! (($(wb_csv_field retries) >= 1)); then
			echo "trylock, $n threads, --force: expected at least 1 retry" >&2
			wb_explain
			return 1
		fi
	done
}

@test "exercise: ThreadSanitizer finds nothing in ordered: no data race, no lock-order inversion" {
	tsan_clean ordered
}

@test "exercise: ThreadSanitizer finds nothing in trylock: no data race, no lock-order inversion" {
	tsan_clean trylock
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
	wb_bad_int rows --accounts
	wb_bad_int rows --transfers
	wb_bad_int rows --watchdog-ms
	rows+=("--accounts 1" "--threads 65" "--accounts 100001"
		"--transfers 100000001" "--watchdog-ms 9" "--strategy fast"
		"--strategy" "--force=yes" "--csv=1" "--bogus" "stray"
		"--accounts 2 --threads 3 --force")
	wb_bad_input bank "${rows[@]}"
}
