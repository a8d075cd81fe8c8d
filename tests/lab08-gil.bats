#!/usr/bin/env bats
# lab08-gil: a toy GIL modelled on CPython's take_gil/drop_gil. The exercise
# tests never trust gil's own output: test drivers
# (tests/drivers/lab08-gil/) run threads through the tree's gil_take,
# gil_drop, eval_breaker and interp_run, wrap its blocking call and its
# bytecodes (wb_sleep_ns, wb_burn), and count who is inside a bytecode.

load helpers

@test "demo: CPU-bound threads with the GIL take turns, at most 1 inside a bytecode; without it both run bytecode at once" {
	wb_run gil --kind cpu --work 4000 --reps 1
	wb_status 0
	wb_stdout_has "1 thread, no lock (the baseline)"
	wb_stdout_has "2 threads with the GIL"
	wb_stdout_has "at most 1 inside a bytecode"
	wb_stdout_has "2 threads without the GIL"
	wb_stdout_has "CPU-bound threads gain nothing"
}

@test "demo: the I/O-bound run says how many threads were in a blocking call at once" {
	wb_run gil --kind io --work 8 --reps 1 --gil on
	wb_status 0
	wb_stdout_has "2 threads with the GIL"
	wb_stdout_has "in a blocking call at once"
	[[ $output != *"without the GIL"* ]]
}

@test "demo: kind counter compares the expected and the counted updates" {
	wb_run gil --kind counter --work 600 --reps 1 --check-at every
	wb_status 0
	wb_stdout_has "expected 200, counted"
	wb_stdout_has "eval breaker checked at every bytecode"
}

@test "demo: threads that meet at a barrier inside a bytecode meet without the GIL, and with it the watchdog ends them (exit 3)" {
	wb_driver gmeet off
	wb_run gmeet on
	wb_status 3
	wb_stdout_has "gmeet: watchdog: no progress for 300 ms"
}

@test "input: --csv prints the fixed header and one row" {
	wb_run gil --csv --kind io --threads 3 --work 9 --reps 2 --interval-us 100
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "impl,kind,gil,threads,interval_us,work,reps,serial_s,median_s,min_s,max_s,speedup,switches,drop_requests" ]
	[ "$(wb_csv_field impl)" = toy ]
	[ "$(wb_csv_field kind)" = io ]
	[ "$(wb_csv_field gil)" = on ]
	[ "$(wb_csv_field threads)" = 3 ]
	[ "$(wb_csv_field interval_us)" = 100 ]
	[ "$(wb_csv_field reps)" = 2 ]
	[[ $(wb_csv_field median_s) =~ ^[0-9]+\.[0-9]{6}$ ]]
	[[ $(wb_csv_field switches) =~ ^[0-9]+$ ]]
}

@test "input: --help describes every option and exits 0" {
	wb_run gil --help
	wb_status 0
	for o in --threads --kind --gil --interval-us --work --check-at --reps --watchdog-ms --csv; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=("--kind disk" "--kind" "--gil maybe" "--check-at never"
		"--threads 65" "--interval-us 1000001" "--work 100000001"
		"--reps 51" "--watchdog-ms 99" "--csv=1" "--workers 2")
	local o
	for o in --threads; do
		wb_bad_int rows "$o"
	done
	wb_bad_input gil "${rows[@]}"
}

# weight: 3
@test "exercise: 4 CPU-bound threads under the GIL take turns: never 2 inside a bytecode, each runs before any has finished, switches and drop requests counted (ThreadSanitizer)" {
	wb_driver --tsan gturns
}

# weight: 2
@test "exercise: a thread waiting for the GIL sleeps on the condition variable, sets the drop request after an interval with no switch, and returns only when the GIL is free" {
	wb_driver gwait sleep
}

# weight: 2
@test "exercise: forced switching: after a drop request the holder runs no bytecode until the waiter has held the GIL" {
	wb_driver gwait force
}

# weight: 2
@test "exercise: an I/O-bound thread lets go of the GIL during its blocking call (another thread runs bytecode) and holds it again after" {
	wb_driver gio
}

# weight: 1
@test "exercise: kind counter, a switch forced after a load: checked at every bytecode updates are lost; at back edges none (ThreadSanitizer)" {
	wb_driver --tsan gcount every
	wb_driver --tsan gcount backedge
}
