# style.gp: the lecture style every figure loads (load 'style.gp').
# plots/run sets data (the CSV file), out (the path without .svg/.png),
# caption (the machine), note (empty, or a warning that the machine was busy
# while it measured) and cpus (its online CPUs). A figure script sets its titles and plots once
# (into out.svg), then @draw draws the same into out.png:
#   load 'style.gp'
#   set title 'Cost per increment'
#   plot data using 'threads':'ns_median':'ns_min':'ns_max' with yerrorlines ls 1
#   @draw
# Series use line styles 1 to 6 (colour-blind-safe colours, thick lines, big
# points); ls 9 is the theory line (dashed black). Names from the data
# (modes, layouts) should be printed noenhanced, or _ becomes a subscript.

if (!exists("data")) data = 'data.csv'
if (!exists("out")) out = 'figure'
if (!exists("caption")) caption = ''
if (!exists("note")) note = ''
if (!exists("cpus")) cpus = 0

set macros
set datafile separator comma
set encoding utf8

# Both terminals draw the same picture: 1280x800, 22-point text.
SVG = "svg size 1280,800 dynamic enhanced font 'Sans,22' linewidth 2 background '#ffffff'"
PNG = "pngcairo size 1280,800 enhanced font 'Sans,22' linewidth 2 background '#ffffff'"
# The plot command goes to the SVG file; @draw repeats it into the PNG.
draw = "set output; set terminal ".PNG."; set output out.'.png'; replot; set output"
set terminal @SVG
set output out.'.svg'

set style line 1 lc rgb '#0072B2' lw 2.5 pt 7  ps 1.5  # blue, disc
set style line 2 lc rgb '#D55E00' lw 2.5 pt 5  ps 1.4  # vermillion, square
set style line 3 lc rgb '#009E73' lw 2.5 pt 9  ps 1.8  # green, triangle
set style line 4 lc rgb '#CC79A7' lw 2.5 pt 13 ps 1.8  # purple, diamond
set style line 5 lc rgb '#E69F00' lw 2.5 pt 11 ps 1.8  # orange, triangle down
set style line 6 lc rgb '#56B4E9' lw 2.5 pt 15 ps 1.6  # sky blue, pentagon
set style line 9 lc rgb '#000000' lw 2 dt 2 pt -1      # theory: dashed black
set style line 10 lc rgb '#d0d0d0' lw 1 dt 3            # grid
set grid back ls 10
set border 3 lw 1.5
set tics nomirror scale 1.2
set errorbars 2 lw 1.5
set key top left reverse Left noenhanced samplen 2 spacing 1.2 nobox
# x: half a step either side; y: 5% room, without stretching to the next tic
set offsets 0.4, 0.4, graph 0.05, graph 0.05
set autoscale xfix
set autoscale yfix

# The machine along the bottom edge, in grey and big enough to read from
# the back of a lecture hall (the tick labels are 22 points). A busy-machine
# warning goes on a line of its own above it, in dark red: those numbers
# are noisier than a quiet machine's.
# gnuplot does not wrap text, so a line too long for 1280 pixels gets a
# smaller font (a character is about 0.68 of the point size in pixels).
fits(text) = sprintf(',%d', (1250.0 / (0.68 * strlen(text) + 1) > 19 ? 19 : int(1250.0 / (0.68 * strlen(text) + 1))))
set label 99 caption at screen 0.01, screen 0.03 left font fits(caption) \
    textcolor rgb '#444444' noenhanced front
if (strlen(note) > 0) {
	set bmargin 7.5
	set label 97 note at screen 0.01, screen 0.085 left font fits(note) \
	    textcolor rgb '#A00000' noenhanced front
} else {
	set bmargin 5.5
}

# @cpuline: a thin grey line at threads = online CPUs (more threads than
# that share cores), named above the plot. Use it before plot.
cpuline = "set arrow 98 from first cpus, graph 0 to first cpus, graph 1 nohead " . \
          "lc rgb '#888888' lw 1.5 dt 4 back; set x2range [*:*]; set link x2; " . \
          "set x2tics (sprintf('%d CPUs', cpus) cpus) scale 0 textcolor rgb '#666666' font ',18'"
