# amdahl.gp: lab15, measured speedup beside Amdahl's law for several serial
# fractions, and the serial fraction fitted to the measurement.
load 'style.gp'
stats [*:*] data using 'serial' nooutput name 'S'
stats [*:*] data using 'cpus' nooutput name 'C'
stats [*:*] data using 'threads' nooutput name 'T'
if (cpus == 0) cpus = C_max
top = T_max # the largest thread count measured (twice the CPUs)
set title sprintf("Amdahl's law: fixed work, %g of it serial (lab15)", S_max)
set xlabel 'threads'
set ylabel 'speedup (median; bars: min to max)'
set key outside right top title 'Amdahl' # short names, beside the plot
set samples 400

amdahl(n, s) = 1 / (s + (1 - s) / n)
# Fit s to the speedups measured with at most one thread per CPU: beyond
# that the threads share cores, which Amdahl's law does not model.
within(col) = column('threads') <= cpus ? column(col) : NaN
# (stats leaves P_records undefined when no point qualifies: one CPU)
stats [*:*] data using (column('threads') > 1 ? within('speedup') : NaN) nooutput name 'P'
fitok = exists("P_records") && P_records > 0
sfit = S_max
if (fitok) {
	set fit quiet logfile '/dev/null'
	fit amdahl(x, sfit) data using 'threads':(within('speedup')) via sfit
	fitted = sprintf('fit: s = %.3f', sfit)
} else {
	fitted = 'no fit: one CPU'
}

# The axes fit the data: threads from 1 to a little beyond the largest
# count measured, speedup from 0 to that count (the ideal line's end). Up to
# 16 threads the axes are linear, one tick a thread; beyond, logarithmic.
if (top <= 16) {
	xmax = top + 0.5
	set xrange [0.5:xmax]
	set yrange [0:xmax]
	set xtics 1
	set ytics 1
	set offsets 0, 0, 0, 0
	@cpuline
} else {
	xmax = 1.25 * top
	stats [*:*] data using 'speedup_min' nooutput name 'M'
	ymin = 0.8 # just below 1, where the 1-thread bar ends
	while (ymin > M_min) { ymin = ymin / 2.0 }
	set logscale xy 2
	set xrange [1:xmax]
	set yrange [ymin:xmax]
	set offsets 0, 0, 0, 0
	set format xy '%g'
	# As style.gp's @cpuline, which links x2 to x: a log axis refuses the
	# link, so x2 gets the same log range by hand.
	set arrow 98 from first cpus, graph 0 to first cpus, graph 1 nohead \
	    lc rgb '#888888' lw 1.5 dt 4 back
	set logscale x2 2
	set x2range [1:xmax]
	set x2tics (sprintf('%d CPUs', cpus) cpus) scale 0 textcolor rgb '#666666' font ',18'
}

# Warnings go below the key, in red: a measured speedup above the bound for
# the serial fraction the program was given (at one thread per CPU or
# fewer), and a 1-thread baseline that scattered widely (every speedup is
# divided by it). WORKBOOK.md, lab 15, explains when that happens.
warn = ''
# (-1 where the bound does not apply, so stats always has points)
above(n, sp) = n > 1 && n <= cpus ? sp - amdahl(n, S_max) : -1
stats [*:*][*:*] data using (above(column('threads'), column('speedup'))) nooutput name 'A'
if (A_max > 0.005) {
	stats [*:*][*:*] data using (above(column('threads'), column('speedup')) == A_max ? column('threads') : NaN) nooutput name 'AN'
	an = AN_max
	warn = warn . sprintf("%.3f at %d threads is above\nAmdahl's %.3f for s = %g\n\n", \
	    A_max + amdahl(an, S_max), an, amdahl(an, S_max), S_max)
}
stats [*:*][*:*] data using (column('threads') == 1 ? column('ms_max') / column('ms_min') - 1 : NaN) nooutput name 'B'
if (exists("B_max") && B_max > 0.10) {
	warn = warn . sprintf("the 1-thread runs scattered\nby %.0f%%: a noisy baseline\n\n", 100 * B_max)
}
if (strlen(warn) > 0) {
	set label 20 warn . "check the 1-thread baseline\nfirst: WORKBOOK.md, lab 15" \
	    at screen 0.72, screen 0.38 left font ',16' textcolor rgb '#A00000' front
}

curves = '0.05 0.1 0.25 0.5'
# Curves from 1 thread on: below one thread the law means nothing.
from1(n, y) = n < 1 ? NaN : y
plot from1(x, x) with lines ls 9 title 's = 0: ideal', \
     for [i=1:4] from1(x, amdahl(x, word(curves, i) + 0)) with lines ls (i + 2) lw 1.5 \
          title sprintf('s = %s', word(curves, i)), \
     from1(x, fitok ? amdahl(x, sfit) : NaN) with lines ls 2 title fitted, \
     data using 'threads':'speedup':'speedup_min':'speedup_max' \
          with yerrorbars ls 1 title 'measured'
@draw
