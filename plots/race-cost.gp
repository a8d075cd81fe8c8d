# race-cost.gp: lab03, the cost of one increment for each way of counting.
load 'style.gp'
set title 'Counting together: time per increment (lab03)'
set xlabel 'threads'
set ylabel 'ns per increment (median, bars: min to max)'
set logscale y
set format y '%g'
set xtics 1
set key top left
modes = 'mutex atomic unsafe local'
styles = '2 1 5 3'
titles = "'mutex: lock around each +1' 'atomic: one locked add' 'unsafe: fast, loses updates' 'local: count alone, merge once'"
m(name) = strcol('mode') eq name
row(name, col) = m(name) ? column(col) : NaN
plot for [i=1:4] data \
     using 'threads':(row(word(modes,i),'ns_median')):(row(word(modes,i),'ns_min')):(row(word(modes,i),'ns_max')) \
     with yerrorlines ls word(styles,i)+0 title word(titles,i)
@draw
