# pool-size.gp: lab07, total time of the same tasks vs the pool's workers.
load 'style.gp'
set title 'Sizing a thread pool: the same tasks on W workers (lab07)'
set xlabel 'workers'
set ylabel 'total ms (median, bars: min to max)'
set logscale y 2
set format y '%g'
set xtics 2
set offsets 0, 0, graph 0.5, 0 # room for the key above the data
set autoscale y
set xrange [0.8:*]
set key top right
row(k, col) = strcol('kind') eq k ? column(col) : NaN
stats data using (column('tasks')) nooutput
@cpuline
plot data using 'workers':(row('io','ms_median')):(row('io','ms_min')):(row('io','ms_max')) \
          with yerrorlines ls 1 title 'I/O-bound (sleep)', \
     data using 'workers':(row('io','ideal_ms')) with lines ls 1 dt 2 lw 1.5 \
          title 'ideal: ceil(tasks / W) x mean task', \
     data using 'workers':(row('cpu','ms_median')):(row('cpu','ms_min')):(row('cpu','ms_max')) \
          with yerrorlines ls 2 title 'CPU-bound (compute)', \
     data using 'workers':(row('cpu','ideal_ms')) with lines ls 2 dt 2 lw 1.5 \
          title 'ideal: ceil(tasks / min(W, CPUs)) x mean task'
@draw
