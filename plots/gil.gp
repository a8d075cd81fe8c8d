# gil.gp: lab08, speedup of the same work on N threads, CPU-bound and
# I/O-bound side by side: the toy GIL on and off, and real CPython.
load 'style.gp'

# The CPython that measured: gil.sh's comment line at the end of the data.
pyver = system(sprintf("sed -n 's/^# cpython \\([^ ]*\\).*/\\1/p' '%s' | head -n 1", data))
py = strlen(pyver) > 0 ? 'CPython '.pyver : 'CPython'
iowait = system(sprintf("sed -n 's/^# io wait \\([0-9]*\\) us.*/\\1/p' '%s' | head -n 1", data))
iotitle = strlen(iowait) > 0 ? sprintf('I/O-bound (%s us waits)', iowait) : 'I/O-bound (waits)'
stats [*:*] data using 'threads' nooutput name 'T'
if (cpus == 0) cpus = 2
top = T_max

is(impl, kind, gil) = strcol('impl') eq impl && strcol('kind') eq kind && strcol('gil') eq gil
# speedup = serial / median; its bar from serial / max to serial / min
sp(i, k, g) = is(i, k, g) ? column('speedup') : NaN
lo(i, k, g) = is(i, k, g) ? column('serial_s') / column('max_s') : NaN
hi(i, k, g) = is(i, k, g) ? column('serial_s') / column('min_s') : NaN
# Series side by side at each thread count, so the bars do not hide each other.
at(d) = column('threads') + d

set xlabel 'threads'
set xrange [0.5:top + 0.5]
set yrange [0:top + 0.5]
set xtics 1
set ytics 1
set offsets 0, 0, 0, 0
set key top left font ',18' spacing 1.1

# Two panels, drawn once into the SVG and once into the PNG (replot, which
# @draw uses, does not repeat a multiplot). The machine caption (labels 97
# and 99, from style.gp) goes on the first panel only.
do for [pass = 1:2] {
	if (pass == 2) {
		set output
		set terminal @PNG
		set output out.'.png'
	}
	set multiplot layout 1, 2 title 'The GIL: speedup of the same work on N threads (lab08)'
	set title 'CPU-bound (sum of squares)'
	set ylabel 'speedup: serial / threaded time'
	@cpuline
	plot (x < 1 ? NaN : x < cpus ? x : cpus) with lines ls 9 title 'ideal: min(threads, CPUs)', \
	     data using (at(-0.09)):(sp('toy','cpu','on')):(lo('toy','cpu','on')):(hi('toy','cpu','on')) \
	          with yerrorlines ls 1 title 'toy, GIL on', \
	     data using (at(-0.03)):(sp('toy','cpu','off')):(lo('toy','cpu','off')):(hi('toy','cpu','off')) \
	          with yerrorlines ls 2 title 'toy, GIL off (free-threaded)', \
	     data using (at(0.03)):(sp('cpython','cpu','on')):(lo('cpython','cpu','on')):(hi('cpython','cpu','on')) \
	          with yerrorbars ls 3 title py.' threads', \
	     data using (at(0.09)):(sp('cpython-processes','cpu','on')):(lo('cpython-processes','cpu','on')):(hi('cpython-processes','cpu','on')) \
	          with yerrorbars ls 4 title py.' processes'
	# Labels 97 and 99 are at screen positions: once is enough.
	set label 99 ''
	set label 97 ''
	set title iotitle
	unset ylabel
	set key bottom right
	plot (x < 1 ? NaN : x) with lines ls 9 title 'ideal: threads', \
	     data using (at(-0.09)):(sp('toy','io','on')):(lo('toy','io','on')):(hi('toy','io','on')) \
	          with yerrorlines ls 1 title 'toy, GIL on', \
	     data using (at(-0.03)):(sp('toy','io','off')):(lo('toy','io','off')):(hi('toy','io','off')) \
	          with yerrorlines ls 2 title 'toy, GIL off', \
	     data using (at(0.03)):(sp('cpython','io','on')):(lo('cpython','io','on')):(hi('cpython','io','on')) \
	          with yerrorbars ls 3 title py.' threads'
	unset multiplot
	set key top left
	set label 99 caption
	set label 97 note
}
set output
