# gil.sh: lab08's speedup (serial time / threaded time for the same total
# work) vs threads, CPU-bound and I/O-bound, for the toy GIL on and off and
# for real CPython (threads; and processes for CPU-bound work) beside it.
# Writes the CSV file named by $1.
#   bash plots/gil.sh FILE               measure (plots/run does this)
#   bash plots/gil.sh --compare [FILE]   print the toy-vs-CPython ratios:
#       from FILE (e.g. plots/data/gil.csv), or measured afresh
# PYTHON picks the interpreter (default Debian's /usr/bin/python3); without
# one, the figure has the toy's lines only and says so.
#
# Matching the work. The comparison is of ratios, so the units need not be
# equal; the shape of the work and the serial times should be alike.
# - CPU-bound: CPython sums i*i for PY_CPU terms (2,000,000: about 80 ms on
#   one thread of the 2-core development machine). The toy's --work is
#   calibrated here to the same serial time: one short serial run of each,
#   then the toy's bytecodes scaled by the ratio of the two times.
# - I/O-bound: the same number of waits of the same length on both sides:
#   the toy's io bytecode waits IO_NS (read from interp.h) with its GIL
#   released; CPython's time.sleep waits as long with its GIL released.
# Both programs time alike: one warm-up, then --reps runs of the threads,
# each from the release of a barrier to the end of the last thread; the
# serial time is the median of one-thread runs of the same total work.
# shellcheck shell=bash source=plots/lib.sh
cd "$(dirname "$0")/.." || exit 1
. plots/lib.sh
gil=$WB_BIN/lab08-gil/gil
script=solutions/lab08-gil/sumsq.py
if [ -z "${PYTHON:-}" ]; then
	PYTHON=python3
	[ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3
fi
py=
if command -v "$PYTHON" >/dev/null && [ -f "$script" ]; then
	py=1
	pyver=$("$PYTHON" -c 'import sys; print(sys.version.split()[0])')
else
	echo "plots: gil: no $PYTHON: the figure has the toy only" >&2
fi

# The toy's wait per io bytecode, in us (the waits CPython makes match it).
io_ns=$(sed -n 's/^#define[[:space:]]*IO_NS[[:space:]]*\([0-9][0-9]*\).*/\1/p' \
	solutions/lab08-gil/interp.h 2>/dev/null)
IO_US=$((${io_ns:-200000} / 1000))
# Sizes: a lecture run, or a QUICK smoke run.
PY_CPU=$(quick 2000000 200000)
IO_WORK=$(quick 400 40) # waits in all: 400 x 200 us is about 100 ms
REPS=$(quick 5 1)
PASSES=1

# serial_of ROW: the serial_s field of a --csv row.
serial_of() { awk -F, 'NR == 2 { print $8 }' <<<"$1"; }

# calibrate: sets TOY_CPU, the toy's bytecodes for the serial time of
# PY_CPU terms in CPython (or a fixed size without CPython).
calibrate() {
	local probe=20000 toy pyrow
	TOY_CPU=$((probe * 4))
	[ -n "$QUICK" ] && TOY_CPU=$((probe / 2))
	[ -n "$py" ] || return 0
	if ! toy=$("$gil" --csv --kind cpu --gil on --threads 1 --work $probe --reps 1) ||
		! pyrow=$("$PYTHON" "$script" --csv --threads 1 --work "$PY_CPU" --reps 1); then
		echo "plots: gil: calibrating the toy's work failed" >&2
		return 1
	fi
	TOY_CPU=$(awk -v p=$probe -v a="$(serial_of "$toy")" -v b="$(serial_of "$pyrow")" \
		'BEGIN { n = a > 0 ? int(p * b / a + 0.5) : p; print n < 64 ? 64 : n }')
}

# measure FILE [cmp]: the sweep. With cmp, only what the comparison needs
# (the toy with its GIL on, CPython's threads, 2 threads and up), in
# PASSES passes: a slow spell of a shared machine then spoils one pass,
# not the comparison (compare takes the median over the passes).
measure() {
	local file=$1 cmp=${2:-} passes=1 p
	need "$gil"
	calibrate
	: >"$file"
	[ -n "$cmp" ] && passes=$PASSES
	for ((p = 1; p <= passes; p++)); do
		sweep "$file" "$cmp"
	done
	# Each series (impl, kind, gil) together, in thread order, so that
	# gnuplot draws each as one line.
	{ head -n 1 "$file"; tail -n +2 "$file" | sort -t, -k1,3 -k4,4n; } >"$file.grouped"
	mv "$file.grouped" "$file"
	# Comment lines (gnuplot skips them) for the figure and --compare.
	if [ -n "$py" ]; then echo "# cpython $pyver ($PYTHON)" >>"$file"; fi
	echo "# io wait $IO_US us" >>"$file"
}

# sweep FILE [cmp]: one row per program, kind, GIL and thread count.
sweep() {
	local file=$1 cmp=${2:-} kind n g work
	for kind in cpu io; do
		for n in $(thread_counts); do
			[ -n "$cmp" ] && [ "$n" = 1 ] && continue # compared: 2 and up
			work=$IO_WORK
			[ "$kind" = cpu ] && work=$TOY_CPU
			for g in on off; do
				[ -n "$cmp" ] && [ "$g" = off ] && continue
				csv_rows "$file" "$gil" --kind "$kind" --gil "$g" --threads "$n" \
					--work "$work" --reps "$REPS"
			done
			[ -n "$py" ] || continue
			if [ "$kind" = cpu ]; then
				csv_rows "$file" "$PYTHON" "$script" --kind cpu --threads "$n" \
					--work "$PY_CPU" --reps "$REPS"
				[ -n "$cmp" ] ||
					csv_rows "$file" "$PYTHON" "$script" --kind cpu --mode processes \
						--threads "$n" --work "$PY_CPU" --reps "$REPS"
			else
				csv_rows "$file" "$PYTHON" "$script" --kind io --io-us "$IO_US" \
					--threads "$n" --work "$IO_WORK" --reps "$REPS"
			fi
		done
	done
}

# compare FILE: at each thread count above 1, the toy's (GIL on) and
# CPython's CPU-bound time ratio (threads / serial: 1.00 is no gain) and
# I/O-bound speedup (serial / threads), and how far the toy is from
# CPython; with several rows for one point (passes), their median, and
# the range of the toy-vs-CPython difference over the passes.
compare() {
	awk -F, '
	function median(a, n,    i, j, t, b) {
		for (i = 1; i <= n; i++) b[i] = a[i]
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && b[j - 1] > b[j]; j--) {
				t = b[j]; b[j] = b[j - 1]; b[j - 1] = t
			}
		return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
	}
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	/^# cpython/ { sub(/^# cpython */, ""); ver = $0; next }
	/^#/ { next }
	$c["impl"] == "toy" && $c["gil"] == "on" || $c["impl"] == "cpython" {
		n = $c["threads"] + 0
		if (n < 2) next
		sp = $c["speedup"]
		k = $c["impl"] SUBSEP $c["kind"] SUBSEP n
		v[k, ++cnt[k]] = $c["kind"] == "cpu" ? 1 / sp : sp
		ns[n] = 1
	}
	function row(kind, n, what,    kt, kp, t, p, d, i, m, a, b, lo, hi, x, spread) {
		kt = "toy" SUBSEP kind SUBSEP n; kp = "cpython" SUBSEP kind SUBSEP n
		if (!(kt in cnt) || !(kp in cnt)) return
		for (i = 1; i <= cnt[kt]; i++) a[i] = v[kt, i]
		for (i = 1; i <= cnt[kp]; i++) b[i] = v[kp, i]
		t = median(a, cnt[kt]); p = median(b, cnt[kp])
		d = 100 * (t - p) / p
		spread = ""
		m = cnt[kt] < cnt[kp] ? cnt[kt] : cnt[kp]
		if (m > 1) { # pass by pass: toy and CPython of the same pass
			for (i = 1; i <= m; i++) {
				x = 100 * (a[i] - b[i]) / b[i]
				if (i == 1 || x < lo) lo = x
				if (i == 1 || x > hi) hi = x
			}
			spread = sprintf("  (passes: %+.0f%% to %+.0f%%)", lo, hi)
		}
		printf "%-26s %7d %6.2f %8.2f %+9.1f%%  %s%s\n", what, n, t, p, d,
			(d <= 15 && d >= -15) ? "within 15%" : "NOT within 15%", spread
		found++
	}
	END {
		print "toy: lab08 gil, GIL on; CPython " (ver == "" ? "(unknown)" : ver)
		printf "%-26s %7s %6s %8s %10s\n", "", "threads", "toy", "CPython", "toy vs Py"
		for (n = 2; n <= 1024; n++) if (n in ns) row("cpu", n, "CPU-bound: threads/serial")
		for (n = 2; n <= 1024; n++) if (n in ns) row("io", n, "I/O-bound: speedup")
		if (!found) { print "gil.sh: no toy and CPython rows to compare" > "/dev/stderr"; exit 1 }
	}' "$1"
}

if [ "${1:-}" = --compare ]; then
	REPS=$(quick 3 1) PASSES=$(quick 5 1) # 5 passes of 3 runs each
	if [ -n "${2:-}" ]; then
		compare "$2"
	else
		if [ -z "$py" ]; then
			echo "gil.sh: --compare needs CPython (PYTHON=/path/to/python3)" >&2
			exit 1
		fi
		tmp=$(mktemp "${TMPDIR:-/tmp}/gil-compare.XXXXXX")
		trap 'rm -f "$tmp" "$tmp.grouped"' EXIT
		measure "$tmp" cmp && compare "$tmp"
	fi
else
	measure "${1:?usage: gil.sh FILE | gil.sh --compare [FILE]}"
fi
