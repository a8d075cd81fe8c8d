# race-cost.sh: lab03's cost per increment for each way of sharing a counter,
# from 1 thread to twice the CPUs. Writes the CSV file named by $1.
# shellcheck shell=bash source=plots/lib.sh
. plots/lib.sh
race=$WB_BIN/lab03-race/race
need "$race"
: >"$1"
# Increments per sample, shared by the threads, sized per mode so that one
# sample takes tens of milliseconds: long against the clock, short overall.
total() {
	case $1 in
	unsafe | local) quick 80000000 4000000 ;;
	atomic) quick 16000000 800000 ;;
	mutex) quick 4000000 200000 ;;
	esac
}
for mode in unsafe mutex atomic local; do
	for n in $(thread_counts); do
		csv_rows "$1" "$race" --mode "$mode" --threads "$n" \
			--iters $(($(total "$mode") / n)) --reps 5
	done
done
group "$1"
