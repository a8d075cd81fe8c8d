#!/usr/bin/env bats
# lab15-amdahl: a fixed job with a serial part, split across threads, beside
# Amdahl's law and the Karp-Flatt metric. Times are never asserted. The
# exercise tests run test drivers (tests/drivers/lab15-amdahl/) that call the
# lab's functions themselves: lawcheck the laws, splitcheck the deal of the
# units, threadcheck the pthreads engine, watched through wrapped
# pthread_create, pthread_join, do_part and unit_sum.

load helpers

# Small jobs: one run takes well under a millisecond.
SMALL=(--units 103 --unit-size 50 --reps 1 --csv)

# check_rows FIELDS WANT...: each WANT is "ARGS=EXPECTED"; the program run
# with ARGS and --csv prints EXPECTED as FIELDS of its data row.
check_rows() {
	local fields=$1 row failed=0
	shift
	for row in "$@"; do
		# shellcheck disable=SC2086 # the arguments are split on purpose
		wb_run amdahl ${row%=*} --csv
		local got
		got=$(awk -F, -v f="$fields" 'BEGIN { n = split(f, want, " ") }
			NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
			{ s = ""; for (k = 1; k <= n; k++) s = s (k > 1 ? " " : "") $col[want[k]]; print s }' <<<"$output")
		if [ "$status" != 0 ] || [ "$got" != "${row#*=}" ]; then
			echo "amdahl ${row%=*}: expected $fields = '${row#*=}', got '$got'" >&2
			wb_explain
			failed=1
		fi
	done
	return $failed
}

# weight: 3
@test "exercise: amdahl() gives Amdahl's speedup for any s and n (1 thread, s = 0 and 1, a million threads)" {
	wb_run lawcheck amdahl
	wb_driver_ok lawcheck
}

# weight: 2
@test "exercise: karp_flatt() gives the serial fraction of any speedup, s back from Amdahl's, NaN at 1 thread" {
	wb_run lawcheck karp-flatt
	wb_driver_ok lawcheck
}

@test "demo: Karp-Flatt is undefined at 1 thread: '-' in prose, an empty CSV field" {
	check_rows "speedup threads karp_flatt" "--karp-flatt 1 --threads 1=1 1 "
	wb_run amdahl --karp-flatt 1 --threads 1
	wb_status 0
	wb_stdout_has "undefined (-)"
}

@test "demo: Gustafson's scaled speedup is n - s(n - 1)" {
	check_rows "gustafson" \
		"--predict --serial 0.1 --threads 4=3.700000" \
		"--predict --serial 0 --threads 8=8.000000" \
		"--predict --serial 1 --threads 8=1.000000" \
		"--predict --serial 0.25 --threads 4=3.250000" \
		"--predict --serial 0.05 --threads 64=60.850000"
}

# weight: 2
@test "exercise: split() deals every unit out once, evenly: no part has more than one unit more than another" {
	wb_run splitcheck
	wb_driver_ok splitcheck
}

# weight: 2
@test "exercise: the pthreads engine runs every part on a thread of its own, all at once, and joins every thread" {
	wb_run -t 20 threadcheck
	wb_driver_ok threadcheck
}

@test "demo: the sum is the formula's at 1 to 8 threads, for any serial fraction" {
	local s
	for s in 0 0.3 1; do
		# The sum of i*i for i below 100 * 1000: (n - 1) n (2n - 1) / 6.
		wb_run amdahl --serial "$s" --threads 8 --units 100 --unit-size 1000 --reps 2 --csv
		wb_status 0 || return 1
		local sums
		sums=$(wb_csv_column checksum | sort -u)
		[ "$sums" = 333328333350000 ] || {
			echo "--serial $s: sums at 1 to 8 threads: $(wb_csv_column checksum | paste -sd ' '), expected 333328333350000 at each" >&2
			return 1
		}
	done
}

@test "demo: the sum is the same at every thread count and for both engines" {
	local engine all=""
	for engine in pthreads openmp; do
		# The sum wraps around 2^64 here: it still may not change.
		# --no-tsan: ThreadSanitizer does not understand OpenMP's runtime.
		wb_run --no-tsan amdahl --engine "$engine" --threads 6 --units 97 --unit-size 50021 --reps 1 --csv
		wb_status 0 || return 1
		all+=$(wb_csv_column checksum)$'\n'
	done
	[ "$(sort -u <<<"${all%$'\n'}" | wc -l)" = 1 ] || {
		echo "sums (pthreads then openmp, 1 to 6 threads each): $(paste -sd " " <<<"$all")" >&2
		return 1
	}
}

# weight: 1
@test "exercise: ThreadSanitizer finds no data race in the pthreads engine" {
	wb_run -t 30 --tsan threadcheck
	wb_tsan_clean
	wb_driver_ok threadcheck
}

@test "demo: the OpenMP engine shares out all the units, over every thread" {
	wb_run --no-tsan amdahl --engine openmp --serial 0 --threads 5 "${SMALL[@]}"
	wb_status 0
	[ "$(wb_csv_column workers | paste -sd ' ')" = "1 2 3 4 5" ]
	local shares total
	while IFS= read -r shares; do
		total=$((${shares// / + }))
		[ "$total" = 103 ] || {
			echo "OpenMP shares '$shares' add up to $total, not 103" >&2
			return 1
		}
	done < <(wb_csv_column shares)
}

@test "demo: the sweep prints a row per thread count and says whether the sum is right" {
	wb_run amdahl --threads 3 --units 60 --unit-size 1000 --reps 1
	wb_status 0
	wb_stdout_has "threads  median ms   min ms   max ms  speedup  efficiency  Amdahl  Karp-Flatt e"
	[[ ${lines[5]} =~ ^\ +1\ .*\ -$ ]]
	[[ ${lines[7]} =~ ^\ +3\  ]]
	[[ $output == *"at every thread count, as the formula says"* ||
		$output == *"computed a wrong sum: it should be 71998200010000"* ]] || {
		echo "expected a line saying whether the sum is right" >&2
		wb_explain
		return 1
	}
	wb_stdout_has "at 3 threads, shares of the 54 parallel units:"
}

@test "input: --csv prints a header and one row per thread count" {
	wb_run amdahl --threads 4 "${SMALL[@]}"
	wb_status 0
	[ "${#lines[@]}" = 5 ]
	[ "${lines[0]}" = "engine,threads,cpus,serial,units,unit_size,ms_median,ms_min,ms_max,speedup,speedup_min,speedup_max,efficiency,amdahl,karp_flatt,checksum,workers,shares" ]
	[ "$(wb_csv_column threads | paste -sd ' ')" = "1 2 3 4" ]
	[ "$(wb_csv_field speedup)" = 1.0000 ]
	[ -z "$(wb_csv_field karp_flatt)" ]
	check_rows "speedup threads karp_flatt" "--karp-flatt 2 --threads 2=2 2 0.000000"
}

@test "input: the serial fraction is rounded to whole units, as the CSV says" {
	wb_run amdahl --serial 0.25 --threads 1 --units 10 --unit-size 10 --reps 1 --csv
	wb_status 0
	[ "$(wb_csv_field serial)" = 0.3 ]
	[ "$(wb_csv_field shares)" = 7 ]
}

@test "input: --help describes every option and exits 0" {
	wb_run amdahl --help
	wb_status 0
	local o
	for o in --serial --threads --units --unit-size --reps --engine --csv --predict --karp-flatt; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	# tests/fuzz.bats tries every option with every kind of bad value;
	# here, the limits and the cases of this lab's own.
	local rows=("--threads 0" "--threads 257" "--units 1000001" "--unit-size 1000000001"
		"--serial 1.5" "--serial -0.1" "--serial nan" "--serial 0.1x"
		"--karp-flatt 0" "--engine cuda" "--predict --karp-flatt 2"
		"--bogus" "stray")
	wb_bad_input amdahl "${rows[@]}"
}
