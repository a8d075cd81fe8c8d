# start-cost.gp: lab10, the time to start a child process and reap it, by
# start method, against the size of the parent.
load 'style.gp'
set title 'Starting and reaping a child as the parent grows (lab10)'
set xlabel 'parent size: MiB of memory written to'
set ylabel 'ms per child (median, bars: min to max)'
set logscale y
set format y '%g'
set offsets 0, 0, graph 0.05, graph 0.05
set key right center # the empty middle, right of the fork lines
methods = 'fork fork-exec spawn forkserver'
titles = "'fork' 'fork, then exec' 'posix_spawn' 'fork server'"
row(i, col) = strcol('method') eq word(methods, i) ? column(col) / 1000 : NaN
plot for [i=1:4] data \
     using 'rss_mb':(row(i,'us_median')):(row(i,'us_min')):(row(i,'us_max')) \
     with yerrorlines ls i title word(titles,i)
@draw
