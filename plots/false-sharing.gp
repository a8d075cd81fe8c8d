# false-sharing.gp: lab14, packed vs padded per-thread counters.
load 'style.gp'
set title 'False sharing: one counter per thread (lab14)'
set xlabel 'threads'
set ylabel 'ns per increment (median, bars: min to max)'
set xtics 1
set yrange [0:*]
set offsets 0.4, 0.4, graph 0.4, 0 # room for the key above the data
set key top right
is(name) = strcol('layout') eq name
row(name, col) = is(name) ? column(col) : NaN
# Theory for padded: one thread's cost, divided among the cores in use.
stats data using (is('padded') && column('threads') == 1 ? column('ns_median') : NaN) nooutput
one = STATS_max
ideal(n) = one / (n < cpus ? n : cpus)
@cpuline
# The two layouts side by side at each thread count, so the bars do not hide
# each other.
plot data using ($2 - 0.05):(row('packed','ns_median')):(row('packed','ns_min')):(row('packed','ns_max')) \
          with yerrorlines ls 2 title 'packed: 8 bytes apart', \
     data using ($2 + 0.05):(row('padded','ns_median')):(row('padded','ns_min')):(row('padded','ns_max')) \
          with yerrorlines ls 1 title 'padded: a line each', \
     [1:*] ideal(x) with lines ls 9 title 'ideal scaling'
@draw
