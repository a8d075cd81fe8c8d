# race-cost.gp: lab03, the cost of one increment for each way of counting.
load 'style.gp'
set title 'Counting together: time per increment (lab03)'
set xlabel 'threads'
set ylabel 'ns per increment (median, bars: min to max)'
set logscale y
set format y '%g'
set xtics 1
set autoscale y # whole decades
set offsets 0.4, 0.4, graph 0.25, 0 # room for the key above the data
set key top right maxrows 2 width -2
modes = 'mutex atomic unsafe local'
styles = '2 1 5 3'
titles = "'mutex' 'atomic' 'unsafe (loses updates)' 'local, merged once'"
row(i, col) = strcol('mode') eq word(modes, i) ? column(col) : NaN
@cpuline
plot for [i=1:4] data \
     using 'threads':(row(i,'ns_median')):(row(i,'ns_min')):(row(i,'ns_max')) \
     with yerrorlines ls word(styles,i)+0 title word(titles,i)
@draw
