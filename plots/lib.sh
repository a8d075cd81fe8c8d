# lib.sh: helpers for the figures' experiments (plots/NAME.sh sources it).
# plots/run exports WB_BIN (the built programs, e.g. build/gcc/solutions),
# WB_CPUS (online CPUs) and QUICK (non-empty for a fast smoke run).
# shellcheck shell=bash
set -euo pipefail
WB_BIN=${WB_BIN:-build/gcc/solutions} QUICK=${QUICK:-}
WB_CPUS=${WB_CPUS:-$(getconf _NPROCESSORS_ONLN)}

# thread_counts: 1 up to twice the online CPUs (at least 4). Every count on
# small machines; on big ones the powers of two plus the CPUs and twice them.
thread_counts() {
	local top=$((2 * WB_CPUS)) n
	[ "$top" -ge 4 ] || top=4
	if [ "$top" -le 8 ]; then
		seq 1 "$top"
		return
	fi
	{
		for ((n = 1; n < top; n *= 2)); do echo "$n"; done
		echo "$WB_CPUS"
		echo "$top"
	} | sort -nu
}

# quick FULL SMOKE: FULL for a lecture run, SMOKE when QUICK is set.
quick() { if [ -n "$QUICK" ]; then echo "$2"; else echo "$1"; fi; }

# csv_rows FILE PROGRAM ARGS...: runs PROGRAM with --csv and appends its
# rows to FILE, the header line only when FILE is still empty.
csv_rows() {
	local file=$1 out
	shift
	out=$("$@" --csv) || {
		echo "plots: failed: $* --csv" >&2
		return 1
	}
	if [ -s "$file" ]; then
		tail -n +2 <<<"$out" >>"$file"
	else
		echo "$out" >>"$file"
	fi
}

# need PROGRAM: stops the figure with a clear line when PROGRAM is not built.
need() {
	[ -x "$1" ] || {
		echo "plots: $1 is not built (make all)" >&2
		exit 1
	}
}

# group FILE: sorts FILE's data rows by their first column (stable), so that
# each series' rows are together and gnuplot draws each as one line.
group() {
	local rows
	rows=$(tail -n +2 "$1" | sort -t, -k1,1 -s)
	{ head -n 1 "$1"; echo "$rows"; } >"$1.grouped" && mv "$1.grouped" "$1"
}
