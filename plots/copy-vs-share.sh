# copy-vs-share.sh: labs 11 and 12, bandwidth from a parent to its child vs
# message size, 64 B to 16 MiB: copies through a pipe and a socketpair
# (lab11's ipc), and a ring in shared memory guarded by a process-shared
# lock or by atomics (lab12's ring). The cross-check, in the same run: dd
# writing blocks of the same size through a pipe to a second dd (rows with
# transport dd-pipe); the script prints lab11's pipe over dd at each size.
# Writes the CSV file named by $1.
# shellcheck shell=bash source=plots/lib.sh
. plots/lib.sh
csv=$1
ring=$WB_BIN/lab12-shared-memory/ring ipc=$WB_BIN/lab11-ipc/ipc
need "$ring"
: >"$csv"
if [ -n "$QUICK" ]; then
	sizes="64 65536 1048576"
else
	sizes="64 256 1024 4096 16384 65536 262144 1048576 4194304 16777216"
fi
total=$(quick $((64 << 20)) $((4 << 20))) # bytes per transfer
most=$(quick 20000 2000)                  # messages per transfer, at most
reps=$(quick 5 1)

# count SIZE: how many messages of SIZE bytes one transfer moves.
count() {
	local n=$((total / $1))
	((n <= most)) || n=$most
	((n >= 4)) || n=4
	echo "$n"
}

# dd_row SIZE COUNT: one row, dd's bandwidth through a pipe: the first dd
# writes COUNT blocks of SIZE bytes, the second reads them whole and says
# how long it took. A warm-up, then the median, min and max of reps runs.
dd_row() {
	local v=() i out
	for ((i = 0; i <= reps; i++)); do
		out=$(LC_ALL=C dd if=/dev/zero bs="$1" count="$2" status=none |
			LC_ALL=C dd of=/dev/null bs="$1" iflag=fullblock 2>&1 | tail -n 1)
		# "N bytes (...) copied, T s, R GB/s": N / T in MiB/s
		((i == 0)) || v+=("$(awk '{ for (f = 2; f <= NF; f++) if ($f == "s,") t = $(f - 1)
			printf "%.3f\n", $1 / 1048576 / t }' <<<"$out")")
	done
	printf '%s\n' "${v[@]}" | sort -g | awk -v s="$1" -v c="$2" -v r="$reps" '
		{ x[NR] = $1 }
		END { printf "dd-pipe,%s,%s,0,%s,%.1f,%.1f,%.1f\n", s, c, r,
			x[int((NR + 1) / 2)], x[1], x[NR] }' >>"$csv"
}

[ -x "$ipc" ] || echo "copy-vs-share: $ipc is not built: no pipe or socketpair rows" >&2
for s in $sizes; do
	n=$(count "$s")
	for sync in lock atomic; do
		csv_rows "$csv" "$ring" --sync "$sync" --size "$s" --count "$n" --reps "$reps"
	done
	if [ -x "$ipc" ]; then
		for t in pipe socketpair; do
			csv_rows "$csv" "$ipc" --transport "$t" --size "$s" --count "$n" --reps "$reps"
		done
	fi
	dd_row "$s" "$n"
done
group "$csv"
# The cross-check: lab11's pipe over dd's, size by size.
awk -F, '$1 == "pipe" { p[$2] = $6 } $1 == "dd-pipe" { d[$2] = $6 }
	END { for (s in p) if (d[s] > 0) printf "copy-vs-share: %s B: pipe %.0f MiB/s, dd %.0f MiB/s, pipe/dd %.2f\n", s, p[s], d[s], p[s] / d[s] }' "$csv" | sort -t: -k2 -n
