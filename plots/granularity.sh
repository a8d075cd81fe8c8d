# granularity.sh: lab16's total time vs chunk size, for tiny even tasks and
# for skewed ones (the heavy tasks first), each handed out by the lab's
# dispatcher and by OpenMP's schedule(dynamic, k), on as many workers as
# CPUs (at least 2). Writes the CSV file named by $1.
# shellcheck shell=bash source=plots/lib.sh
. plots/lib.sh
prog=$WB_BIN/lab16-granularity/granularity
need "$prog"
: >"$1"
reps=$(quick 7 2)
for engine in lab openmp; do
	# Tiny tasks: one hand-out costs more than the task (left of the U).
	csv_rows "$1" "$prog" --engine "$engine" --tasks "$(quick 200000 20000)" \
		--task-ns 20 --reps "$reps"
	# Skewed tasks, task 0 eleven times the last: one big chunk holds
	# most of the work (right of the U).
	csv_rows "$1" "$prog" --engine "$engine" --tasks "$(quick 2000 400)" \
		--task-ns 2000 --skew 10 --reps "$reps"
done
