# copy-vs-share.gp: labs 11 and 12, bandwidth vs message size: copies
# through the kernel (pipe, socketpair) vs a ring in shared memory, with
# dd through a pipe as the independent cross-check.
load 'style.gp'
set title 'Copy or share: parent to child, bandwidth vs message size (labs 11, 12)'
set xlabel 'message size'
set ylabel 'MiB/s (median, bars: min to max)'
set logscale x 2
set logscale y 10
set format y '10^{%L}'
set xtics ('64 B' 64, '1 KiB' 1024, '16 KiB' 16384, '256 KiB' 262144, \
           '4 MiB' 4194304, '16 MiB' 16777216)
set xrange [45:24000000]
set yrange [1:1e7] # the top decades: room for the key
set key top left maxrows 3 width 1
row(t, col) = strcol('transport') eq t ? column(col) : NaN
plot data using 'size':(row('shm-atomic','median_mib_s')):(row('shm-atomic','min_mib_s')):(row('shm-atomic','max_mib_s')) \
          with yerrorlines ls 3 title 'shm ring, atomics', \
     data using 'size':(row('shm-lock','median_mib_s')):(row('shm-lock','min_mib_s')):(row('shm-lock','max_mib_s')) \
          with yerrorlines ls 4 title 'shm ring, lock', \
     data using 'size':(row('pipe','median_mib_s')):(row('pipe','min_mib_s')):(row('pipe','max_mib_s')) \
          with yerrorlines ls 1 title 'pipe (lab11)', \
     data using 'size':(row('socketpair','median_mib_s')):(row('socketpair','min_mib_s')):(row('socketpair','max_mib_s')) \
          with yerrorlines ls 2 title 'socketpair (lab11)', \
     data using 'size':(row('dd-pipe','median_mib_s')) \
          with linespoints ls 9 pt 6 ps 1.5 title 'dd | dd, a pipe (check)'
@draw
