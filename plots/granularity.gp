# granularity.gp: lab16, total time vs chunk size (both axes logarithmic),
# tiny even tasks and skewed tasks, the lab's dispatcher beside OpenMP's.
load 'style.gp'
set title 'Chunk size: hand-out cost vs load imbalance (lab16)'
set xlabel 'chunk size (tasks a hand-out)'
set ylabel 'total ms (median, bars: min to max)'
set logscale x 16
set logscale y 4
set xtics ('1' 1, '16' 16, '256' 256, '4K' 4096, '64K' 65536, '1M' 1048576)
set format y '%g'
set offsets 0, 0, 0, 0
set autoscale xy
set key outside right top title 'tasks: engine'
stats data using 'task_ns' nooutput name 'NS'
row(e, skewed, col) = strcol('engine') eq e && (column('skew') > 0) == skewed ? column(col) : NaN
label(skewed) = skewed ? 'skewed' : sprintf('even %d ns', NS_min)
plot for [s = 0:1] data using 'chunk':(row('lab', s, 'ms_median')):(row('lab', s, 'ms_min')):(row('lab', s, 'ms_max')) \
          with yerrorlines ls (2 * s + 1) title label(s) . ': lab', \
     for [s = 0:1] data using 'chunk':(row('openmp', s, 'ms_median')):(row('openmp', s, 'ms_min')):(row('openmp', s, 'ms_max')) \
          with yerrorlines ls (2 * s + 2) dt 2 title label(s) . ': OpenMP'
@draw
