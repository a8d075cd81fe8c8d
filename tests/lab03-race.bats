#!/usr/bin/env bats
# lab03-race: lost updates, and three ways to count exactly.

load helpers

# counts_exactly MODE: every thread count, several times over, counts all.
counts_exactly() {
	local n rep
	for n in 1 2 3 4 8; do
		for rep in 1 2 3; do
			wb_run race --mode "$1" --threads "$n" --iters 50000 --reps 1 --csv
			wb_status 0 || return 1
			local counted
			counted=$(wb_csv_field counted)
			if [ "$counted" != $((n * 50000)) ]; then
				echo "mode $1, $n threads: expected $((n * 50000)), counted $counted" >&2
				return 1
			fi
		done
	done
}

# tsan_clean MODE: ThreadSanitizer finds no data race in MODE.
tsan_clean() {
	wb_run -t 30 --tsan race --mode "$1" --threads 4 --iters 2000 --reps 1
	wb_tsan_clean
}

@test "demo: the unsafe mode says how many updates it expected and counted" {
	wb_run race --mode unsafe
	wb_racy_status 0
	wb_stdout_has "expected 400000, counted"
	wb_stdout_has "time per increment"
}

@test "demo: ThreadSanitizer reports the unsafe mode's data race" {
	wb_run -t 30 --tsan race --mode unsafe --threads 2 --iters 2000 --reps 1
	wb_stderr_has "WARNING: ThreadSanitizer: data race"
}

@test "exercise: mutex mode counts every update, at 1 to 8 threads" {
	counts_exactly mutex
}

@test "exercise: atomic mode counts every update, at 1 to 8 threads" {
	counts_exactly atomic
}

@test "exercise: local mode counts every update, at 1 to 8 threads" {
	counts_exactly local
}

@test "exercise: ThreadSanitizer finds no data race in mutex mode" {
	tsan_clean mutex
}

@test "exercise: ThreadSanitizer finds no data race in atomic mode" {
	tsan_clean atomic
}

@test "exercise: ThreadSanitizer finds no data race in local mode" {
	tsan_clean local
}

@test "demo: with one thread even the unsafe mode loses no update" {
	wb_run race --mode unsafe --threads 1 --iters 1000
	wb_status 0
	wb_stdout_has "expected 1000, counted 1000: no update lost"
}

@test "input: --csv prints a header and one row with the counts and times" {
	wb_run race --threads 1 --iters 1000 --csv
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "mode,threads,iters,expected,counted,ns_median,ns_min,ns_max" ]
	[ "$(wb_csv_field expected)" = 1000 ]
}

@test "input: --help describes every option and exits 0" {
	wb_run race --help
	wb_status 0
	for o in --threads --iters --mode --reps --csv; do wb_stdout_has "$o"; done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --threads
	wb_bad_int rows --iters
	wb_bad_int rows --reps
	rows+=("--threads 257" "--iters 1000000001" "--mode fast" "--mode"
		"--bogus" "stray" "--csv=yes")
	wb_bad_input race "${rows[@]}"
}
