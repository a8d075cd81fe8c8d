#!/usr/bin/env bats
# lab09-processes: fork, waitpid and the wait status; zombies; crash
# isolation; a pool of worker processes over pipes that reports a dead
# worker (Python's BrokenProcessPool) instead of hanging. The exercise
# tests run test drivers (tests/drivers/lab09-processes/): they fork real
# children and workers of their own, kill them at chosen moments, and read
# /proc themselves.

load helpers

@test "demo: the zombie demo shows the ended child in state Z before waitpid, and gone after" {
	wb_run procs --demo zombie
	wb_status 0
	grep -Eq "^zombie: child [0-9]+ called exit\(7\); not reaped yet, /proc/[0-9]+/stat says state Z " <<<"$output" ||
		{ echo "expected the child in state Z before it is reaped" >&2; wb_explain; return 1; }
	wb_stdout_has "is gone"
}

@test "demo: a NULL dereference in one thread ends the whole process by SIGSEGV; in one of 4 child processes it costs that child only" {
	wb_run procs --demo isolation
	wb_status 0
	# the starter prints the raw wait status: 11 (or 139 with a core)
	grep -Eq "^isolation: that process ended by (signal SIGSEGV|wait status (11|139))" <<<"$output" ||
		{ echo "expected the threads' process to end by SIGSEGV" >&2; wb_explain; return 1; }
	wb_stdout_has "isolation: 3 of 4 children finished their work"
}

@test "demo: the default run shows a zombie reaped, a crash contained and 20 tasks on a pool of 4, in under 5 s" {
	wb_run -t 5 procs
	wb_status 0
	wb_stdout_has "says state Z"
	wb_stdout_has "3 of 4 children finished their work"
	wb_stdout_has "pool: 20 tasks on 4 worker processes: 20 results in"
	wb_stdout_has "pool: 0 children left"
}

@test "demo: a pool of 16 workers runs 100 tasks and leaves no child behind" {
	wb_run procs --demo pool --workers 16 --tasks 100
	wb_status 0
	wb_stdout_has "100 results in"
	wb_stdout_has ", 0 wrong or twice"
	wb_stdout_has "pool: 0 children left"
}

@test "input: --csv prints a header and one row for the pool run" {
	wb_run procs --csv --workers 3 --tasks 9
	wb_status 0
	[ "${#lines[@]}" = 2 ]
	[ "${lines[0]}" = "workers,tasks,crash_task,results,wrong,broken,seconds" ]
	[ "$(wb_csv_field workers)" = 3 ]
	[ "$(wb_csv_field results)" = 9 ]
	[ "$(wb_csv_field broken)" = 0 ]
}

@test "input: --help names every option and the exit statuses" {
	wb_run procs --help
	wb_status 0
	for o in --demo --workers --tasks --crash-task --csv "4 the pool broke"; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=()
	wb_bad_int rows --workers
	rows+=("--workers 65" "--tasks 1001" "--crash-task -1" "--crash-task 1001"
		"--crash-task 21" "--crash-task 6 --tasks 5" "--crash-task x"
		"--demo bogus" "--demo" "--csv --demo zombie" "--csv=1" "--bogus" "stray")
	wb_bad_input procs "${rows[@]}"
}

# weight: 2
@test "exercise: describe_status names how each real child ended: exit status 0 to 255, each signal by name (SIGSEGV), core dumped only when it was" {
	wb_driver pstatus
}

# weight: 1
@test "exercise: reap waits for the very child it is given, returns its wait status, leaves no zombie, and waits on when a signal interrupts it" {
	wb_driver preap
}

# weight: 2
@test "exercise: recv_msg returns each length-prefixed message whole, however the bytes arrive, and refuses one cut short by end of file" {
	wb_driver precv
}

# weight: 2
@test "exercise: pool_collect returns every task's result exactly once with 1 to 16 workers, and a busy worker holds up nobody" {
	wb_driver pcollect
}

# weight: 2
@test "exercise: a worker that dies (exit, SIGKILL, idle) breaks the pool at once; procs --crash-task 5 names task 5 and SIGSEGV and exits 4" {
	wb_driver pdead
	wb_run procs --demo pool --workers 3 --tasks 12 --crash-task 5
	wb_status 4
	grep -Eq "^pool: broken: worker [0-9]+ died running task 5: .*\<SIGSEGV\>" <<<"$output" ||
		{ echo "expected the report of task 5's worker, ended by SIGSEGV" >&2; wb_explain; return 1; }
	wb_stdout_has "pool: 0 children left"
}

# weight: 1
@test "exercise: when the process that started the pool is killed, its busy workers die with it within 1 s" {
	wb_driver porphan
}
