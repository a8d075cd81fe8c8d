# lab01's drivers: probe sees every clock_gettime and gettimeofday call.
LDFLAGS_lab01-measure/probe := -Wl,--wrap=clock_gettime \
	-Wl,--wrap=gettimeofday
