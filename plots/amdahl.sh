# amdahl.sh: lab15's measured speedup for a job with a known serial part
# (s = 0.1), from 1 thread to twice the CPUs. Writes the CSV file named by $1.
. plots/lib.sh
prog=$WB_BIN/lab15-amdahl/amdahl
need "$prog"
top=$(thread_counts | tail -n 1) # twice the CPUs, at least 4
# 1000 units of 10^6 terms: about a third of a second on one thread, long
# against thread starts (tens of microseconds) and the clock.
csv_rows "$1" "$prog" --serial 0.1 --threads "$top" --units 1000 \
	--unit-size "$(quick 1000000 20000)" --reps "$(quick 11 2)"
