# amdahl.gp: lab15, measured speedup beside Amdahl's law for several serial
# fractions, and the serial fraction fitted to the measurement.
load 'style.gp'
stats [*:*] data using 'serial' nooutput name 'S'
stats [*:*] data using 'cpus' nooutput name 'C'
if (cpus == 0) cpus = C_max
set title sprintf("Amdahl's law: fixed work, %g of it serial (lab15)", S_max)
set xlabel 'threads'
set ylabel 'speedup (median; bars: min to max)'
set key outside right top title 'Amdahl' # short names, beside the plot
set samples 400

amdahl(n, s) = 1 / (s + (1 - s) / n)
# Fit s to the speedups measured with at most one thread per CPU: beyond
# that the threads share cores, which Amdahl's law does not model.
within(col) = column('threads') <= cpus ? column(col) : NaN
P_records = 0 # stays 0 if stats finds no point
stats [*:*] data using (column('threads') > 1 ? within('speedup') : NaN) nooutput name 'P'
sfit = S_max
if (P_records > 0) {
	set fit quiet logfile '/dev/null'
	fit amdahl(x, sfit) data using 'threads':(within('speedup')) via sfit
	fitted = sprintf('fit: s = %.3f', sfit)
} else {
	fitted = 'no fit: one CPU'
}

# Threads from 1 to 64, or to twice the CPUs if that is more; speedups
# from just under 1 (lower, for a slowdown on a busy machine) to 64.
xmax = 64
while (xmax < 2 * cpus) { xmax = 2 * xmax }
stats [*:*] data using 'speedup_min' nooutput name 'M'
ymin = 0.8 # just below 1, where the 1-thread bar ends
while (ymin > M_min) { ymin = ymin / 2.0 }
set logscale xy 2
set xrange [1:xmax]
set yrange [ymin:xmax]
set offsets 0, 0, 0, 0
set format xy '%g'

# As style.gp's @cpuline, which links x2 to x: a log axis refuses the link,
# so x2 gets the same log range by hand.
set arrow 98 from first cpus, graph 0 to first cpus, graph 1 nohead \
    lc rgb '#888888' lw 1.5 dt 4 back
set logscale x2 2
set x2range [1:xmax]
set x2tics (sprintf('%d CPUs', cpus) cpus) scale 0 textcolor rgb '#666666' font ',18'
curves = '0.05 0.1 0.25 0.5'
plot x with lines ls 9 title 's = 0: ideal', \
     for [i=1:4] amdahl(x, word(curves, i) + 0) with lines ls (i + 2) lw 1.5 \
          title sprintf('s = %s', word(curves, i)), \
     (P_records > 0 ? amdahl(x, sfit) : NaN) with lines ls 2 title fitted, \
     data using 'threads':'speedup':'speedup_min':'speedup_max' \
          with yerrorbars ls 1 title 'measured'
@draw
