#!/usr/bin/env bats
# lab23-cluster: one map-reduce on Open MPI ranks (mpirun). The exercise
# tests never trust cluster's own output: the driver job (tests/drivers/
# lab23-cluster/job.c) runs mpirun on a test driver, watches the ranks, and
# reports how the job ended and what was left. The MPI drivers call the
# tree's mr_scatter, mr_reduce and mr_fail on sub-communicators of 1 to 4
# ranks and check against sums they compute themselves. Open MPI takes
# longer to start than the checks take, so one mpirun (setup_file) checks
# both mr_reduce and mr_scatter, each with a verdict of its own, and a
# second one checks mr_fail.

load helpers

# The pmr job once for the file; each test reads it back (pmr_result).
setup_file() {
	BATS_TEST_TMPDIR=$BATS_FILE_TMPDIR wb_run -t 20 job 8000 4 pmr
	echo "$status" >"$BATS_FILE_TMPDIR/status"
}

pmr_result() {
	status=$(<"$BATS_FILE_TMPDIR/status")
	output=$(<"$BATS_FILE_TMPDIR/stdout")
	stderr=$(<"$BATS_FILE_TMPDIR/stderr")
	mapfile -t lines <"$BATS_FILE_TMPDIR/stdout"
	WB_LAST="$WB_BIN/$WB_LAB/job 8000 4 pmr" WB_LIMIT=20
}

@test "demo: the default run maps and reduces 1000003 items on 4 ranks and compares with one process" {
	wb_run -t 20 cluster
	wb_status 0
	wb_stdout_has "4 ranks, 1000003 items (1000003 % 4 = 3 left over)"
	wb_stdout_has "one process: 1376361799468"
	wb_stdout_has "mpirun ended with status 0"
}

# killjob (tests/drivers/lab23-cluster/killjob.c) kills the launcher
# once its 16 ranks run; the job must end with it (no output after), and
# leave nothing in the jail's own /tmp and /dev/shm.
@test "demo: cluster killed half-way (SIGINT, then SIGKILL) leaves no process, no Open MPI session file and no segment" {
	for sig in 2 9; do
		wb_run -t 20 killjob $sig
		wb_stdout_has "killjob: cluster ended by signal $sig"
		wb_stdout_has "killjob: printed after the signal: 0 bytes"
		wb_stdout_has "killjob: left: none"
		wb_stdout_has "killjob: files: none"
		wb_status 0
	done
}

@test "input: --help describes every option and exits 0" {
	wb_run cluster --help
	wb_status 0
	for o in --ranks --items --fail-rank; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	# wb_bad_int's malformed numbers once (one parser reads every option;
	# tests/fuzz.bats tries each option), each option's range, and the
	# cross-option check (--fail-rank below --ranks, 4 by default).
	local rows=("--ranks 17" "--items 0" "--items 10000001" "--items 12x"
		"--fail-rank -1" "--fail-rank 16" "--fail-rank 4"
		"--fail-rank 2 --ranks 2" "--fail-rank=" "--csv")
	wb_bad_int rows --ranks
	wb_bad_input cluster "${rows[@]}"
}

# weight: 4
@test "exercise: mr_scatter gives each item to exactly one rank, shares differing by one at most (1 to 4 ranks; 1, 3, 7, 1001, 100003 items)" {
	pmr_result
	wb_stdout_has "pmr: mr_scatter: ok"
	wb_stdout_has "job: left: none"
	wb_status 0
}

# weight: 3
@test "exercise: mr_reduce gives rank 0 the sum of every rank's partial (1 to 4 ranks), and the map-reduce equals one process" {
	pmr_result
	wb_stdout_has "pmr: mr_reduce: ok"
	wb_stdout_has "job: left: none"
}

# weight: 3
@test "exercise: a rank that fails calls MPI_Abort, and every rank of the job ends (not left waiting in MPI_Reduce); nothing is left" {
	# After an MPI_Abort, mpirun itself now and then hangs (Open MPI 4.1.4):
	# 300 ms after the ranks have ended, job ends it.
	wb_run -t 20 job -g 300 4000 4 pabort 2
	wb_stdout_has "pabort: rank 2 called MPI_Abort with code"
	wb_stdout_has "job: ranks ended after"
	wb_stdout_has "job: left: none"
}
