# oversubscription.sh: lab17. The throughput of teams of 1 thread, then 1
# to 8 threads per CPU: computing (cpu), computing under a spin lock (lock:
# step_long, and step_short that locks only to add) and waiting (io). Then
# the cross-check: lab17's ping-pong round trip, both sides pinned to one
# CPU, beside `perf bench sched pipe` pinned there with taskset, processes
# and threads (perf's rows: demo perf-pipe). Writes the CSV named by $1.
# shellcheck shell=bash source=plots/lib.sh
. plots/lib.sh
prog=$WB_BIN/lab17-oversubscription/oversub
need "$prog"
command -v perf >/dev/null && perf bench sched pipe -l 10 >/dev/null 2>&1 || {
	echo "plots: perf bench sched pipe does not run (make deps: linux-perf)" >&2
	exit 1
}
: >"$1"
csv=$1
# 1 thread, then 1, 2, 3, 4, 6 and 8 per CPU (QUICK: 1, 4 and 8 per CPU).
counts() {
	{
		echo 1
		for k in $(quick "1 2 3 4 6 8" "1 4 8"); do echo $((k * WB_CPUS)); done
	} | sort -nu
}
for demo in cpu lock io; do
	for n in $(counts); do
		csv_rows "$1" "$prog" --demo "$demo" --threads "$n" \
			--ms "$(quick 200 10)" --reps "$(quick 5 1)"
	done
done

# Each series' rows together (demo, then variant), in the order measured.
rows=$(tail -n +2 "$csv" | sort -t, -k1,2 -s)
{ head -n 1 "$csv"; echo "$rows"; } >"$csv.grouped" && mv "$csv.grouped" "$csv"

# The cross-check, on the first CPU this script may use.
cpu=$(taskset -cp $$ | sed 's/.*: //; s/[-,].*//')
rounds=$(quick 100000 2000) reps=$(quick 5 1)
csv_rows "$1" "$prog" --demo pingpong --pin same --cpu "$cpu" \
	--rounds "$rounds" --reps "$reps"
# perf_row VARIANT FLAGS: reps runs of perf bench sched pipe (usecs/op is a
# round trip), as a CSV row like oversub's: the median and range, and the
# context switches of the median run (GNU time: perf and its children).
perf_row() {
	local variant=$1 flags=$2 i
	for ((i = 0; i < reps; i++)); do
		# shellcheck disable=SC2086 # flags: none or -T
		/usr/bin/time -f 'switches %w %c' taskset -c "$cpu" \
			perf bench sched pipe -l "$rounds" $flags 2>&1 |
			awk '/usecs\/op/ { us = $1 } /^switches/ { v = $2; c = $3 }
				END { print us, v, c }'
	done | sort -n | awk -v variant="$variant" '
		{ us[NR] = $1; v[NR] = $2; c[NR] = $3 }
		END {
			m = int((NR + 1) / 2)
			printf "perf-pipe,%s,same,2,1,%.1f,%.1f,%.1f,%.3f,%d,%d\n",
				variant, 1e6 / us[m], 1e6 / us[NR], 1e6 / us[1],
				us[m], v[m], c[m]
		}' >>"$csv"
}
perf_row processes ""
perf_row threads -T
# The ratio, for the one running this: lab17 / perf, each kind.
awk -F, '$1 == "pingpong" && $3 == "same" { lab[$2] = $9 }
	$1 == "perf-pipe" { perf[$2] = $9 }
	END { for (k in lab) if (perf[k] > 0)
		printf "oversubscription: ping-pong on one CPU, %s: lab17 %.2f us, perf bench sched pipe %.2f us, ratio %.2f\n",
			k, lab[k], perf[k], lab[k] / perf[k] }' "$csv"
