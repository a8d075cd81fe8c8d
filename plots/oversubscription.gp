# oversubscription.gp: lab17, a team's throughput vs its threads, for
# computing, locking (long and short critical sections) and waiting; the
# ping-pong cross-check with perf bench sched pipe in the key's title.
load 'style.gp'
set xlabel sprintf('threads (%d CPUs: up to 8 per CPU)', cpus)
set ylabel 'operations/s (median, bars: min to max)'
set logscale x 2
set logscale y 10
set format y '10^{%T}'
set offsets 0, 0, graph 0.8, 0 # room for the key above the data
set xrange [0.8:*]
set key top left
row(d, v, col) = (strcol('demo') eq d && strcol('variant') eq v) ? column(col) : NaN
# The cross-check: the round trip on one CPU, lab17 and perf, processes.
stats data using (row('pingpong', 'processes', 'us_per_op')) name 'LAB' nooutput
stats data using (row('perf-pipe', 'processes', 'us_per_op')) name 'PERF' nooutput
set title sprintf("More threads than CPUs: what a team gets done (lab17)\n{/*0.75 ping-pong on one CPU, processes: lab17 %.2f us, perf bench sched pipe %.2f us (ratio %.2f)}", \
    LAB_max, PERF_max, LAB_max / PERF_max)
# The online CPUs: one thread per CPU (style.gp's @cpuline links an x2
# axis, which a log x axis does not allow).
set arrow 98 from first cpus, graph 0 to first cpus, graph 1 nohead \
    lc rgb '#888888' lw 1.5 dt 4 back
set label 98 sprintf('%d CPUs', cpus) at first cpus, graph 1.03 center \
    textcolor rgb '#666666' font ',18'
plot data using 'threads':(row('cpu','compute','ops_median')):(row('cpu','compute','ops_min')):(row('cpu','compute','ops_max')) \
          with yerrorlines ls 1 title 'cpu: 50 us computing', \
     data using 'threads':(row('lock','long','ops_median')):(row('lock','long','ops_min')):(row('lock','long','ops_max')) \
          with yerrorlines ls 2 title 'lock: 5 us computing, all of it holding a spin lock', \
     data using 'threads':(row('lock','short','ops_median')):(row('lock','short','ops_min')):(row('lock','short','ops_max')) \
          with yerrorlines ls 3 title 'lock: 5 us computing, then locking only to add', \
     data using 'threads':(row('io','wait','ops_median')):(row('io','wait','ops_min')):(row('io','wait','ops_max')) \
          with yerrorlines ls 4 title 'io: 1 ms waiting, then 50 us computing'
@draw
