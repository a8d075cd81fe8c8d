# false-sharing.sh: lab14's time per increment, packed vs padded counters,
# from 1 thread to twice the CPUs. Writes the CSV file named by $1.
# shellcheck shell=bash source=plots/lib.sh
. plots/lib.sh
prog=$WB_BIN/lab14-false-sharing/falseshare
need "$prog"
: >"$1"
# Increments per sample, shared by the threads: tens of ms per sample.
total=$(quick 200000000 20000000)
for n in $(thread_counts); do
	csv_rows "$1" "$prog" --layout both --threads "$n" \
		--iters $((total / n)) --reps "$(quick 11 5)"
done
group "$1"
