# pool-size.sh: lab07's total time for the same tasks on pools of 1 worker
# up to as many workers as tasks, I/O-bound (sleeping) and CPU-bound
# (computing). Writes the CSV file named by $1.
# shellcheck shell=bash source=plots/lib.sh
. plots/lib.sh
pool=$WB_BIN/lab07-threadpool/threadpool
need "$pool"
: >"$1"
tasks=$(quick 16 8)
# Workers: every count up to twice the CPUs, then doubling up to the tasks
# (sleeping tasks keep gaining until there is a worker per task).
workers() {
	{
		thread_counts
		for ((n = 2 * WB_CPUS; n < tasks; n *= 2)); do echo "$n"; done
		echo "$tasks"
	} | awk -v top="$tasks" '$1 <= top' | sort -nu
}
for kind in io cpu; do
	for w in $(workers); do
		csv_rows "$1" "$pool" --kind "$kind" --workers "$w" \
			--tasks "$tasks" --task-ms "$(quick 20 2)" --reps "$(quick 3 1)"
	done
done
group "$1"
