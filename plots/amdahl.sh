# amdahl.sh: lab15's measured speedup for a job with a known serial part
# (s = 0.1), from 1 thread to twice the CPUs. Writes the CSV file named by $1.
#
# The speedup at n threads is a ratio of two times, T(1) / T(n). The lab
# program measures all its runs at 1 thread first, then all at 2, and so
# on; on a shared or virtual machine the background load drifts over a few
# seconds, and a slow spell that falls on one thread count's runs shows up
# as a speedup that is too high or too low (the first committed figure had
# 1.85 at 2 threads, above Amdahl's 1.82 for s = 0.1). So this script runs
# the whole sweep once per pass (one warm-up and one timed run per thread
# count, under two seconds a pass on 2 CPUs) and takes the speedup pass by
# pass, T(1) and T(n) from the same pass, a second or so apart: the median
# of those ratios is the point, their min and max the bar. Times are
# reported over all passes as median, min and max. A noisy machine still
# shows: amdahl.gp flags a 1-thread time that scattered by more than 10%.
. plots/lib.sh
prog=$WB_BIN/lab15-amdahl/amdahl
need "$prog"
top=$(thread_counts | tail -n 1) # twice the CPUs, at least 4
passes=$(quick 11 2)
raw=$1.passes
: >"$raw"
# 1000 units of 10^6 terms: about a third of a second on one thread, long
# against thread starts (tens of microseconds) and the clock.
for ((p = 1; p <= passes; p++)); do
	csv_rows "$raw" "$prog" --serial 0.1 --threads "$top" --units 1000 \
		--unit-size "$(quick 1000000 20000)" --reps 1
done

# One row per thread count, with the program's columns, plus `passes`.
awk -F, -v OFS=, '
function median(a, n,    i, j, t, b) {
	for (i = 1; i <= n; i++) b[i] = a[i]
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && b[j - 1] > b[j]; j--) {
			t = b[j]; b[j] = b[j - 1]; b[j - 1] = t
		}
	return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
}
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; header = $0; next }
$col["engine"] == "engine" { next } # the header line of a later pass
{
	n = $col["threads"] + 0
	if (n == 1) pass++ # each pass starts at 1 thread
	ms[n, pass] = $col["ms_median"]
	last[n] = $0
	if (n > top) top = n
}
END {
	print header ",passes"
	for (n = 1; n <= top; n++) {
		k = 0
		for (p = 1; p <= pass; p++) {
			if (!((n, p) in ms) || !((1, p) in ms)) continue
			k++
			t[k] = ms[n, p]
			r[k] = ms[1, p] / ms[n, p]
		}
		if (k == 0) continue
		lo = hi = t[1]; slo = shi = r[1]
		for (i = 2; i <= k; i++) {
			if (t[i] < lo) lo = t[i]
			if (t[i] > hi) hi = t[i]
			if (r[i] < slo) slo = r[i]
			if (r[i] > shi) shi = r[i]
		}
		s = median(r, k)
		split(last[n], f, ",")
		f[col["ms_median"]] = sprintf("%.3f", median(t, k))
		f[col["ms_min"]] = sprintf("%.3f", lo)
		f[col["ms_max"]] = sprintf("%.3f", hi)
		f[col["speedup"]] = sprintf("%.4f", s)
		f[col["speedup_min"]] = sprintf("%.4f", slo)
		f[col["speedup_max"]] = sprintf("%.4f", shi)
		f[col["efficiency"]] = sprintf("%.4f", s / n)
		f[col["karp_flatt"]] = n > 1 ? sprintf("%.4f", (1 / s - 1 / n) / (1 - 1 / n)) : ""
		line = f[1]
		for (i = 2; i in f; i++) line = line OFS f[i]
		print line, k
	}
}' "$raw" >"$1"
rm -f "$raw"
