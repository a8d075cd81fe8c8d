# start-cost.sh: lab10's time to start a child and reap it, by each start
# method, as the parent grows from 0 to 1 GiB (or half the memory
# available, if that is less). Writes the CSV file named by $1.
. plots/lib.sh
startcost=$WB_BIN/lab10-spawn-vs-fork/startcost
need "$startcost"
: >"$1"
# Full: 9 sizes, 0 to 1024 MiB, 40 starts each (fork at 1 GiB: tens of ms
# per start, so about 20 s in all). QUICK: 0 to 32 MiB, 3 starts each.
csv_rows "$1" "$startcost" --sweep --max-mb "$(quick 1024 32)" --reps "$(quick 40 3)"
group "$1"
