#!/usr/bin/env bats
# lab05-waiting: Event, Condition, BoundedSemaphore, Barrier and RLock built
# from a mutex and condition variables; each waiter must sleep, lose no
# wake-up, and keep the primitive's promise.

load helpers

@test "demo: the event's timed wait returns false after its timeout, true at once once set" {
	wb_run waiting --prim event --timeout-ms 50
	wb_status 0
	wb_stdout_has "event: wait(50 ms) with nobody to set it: returned false after"
	wb_stdout_has "event: wait(50 ms) after set: returned true after"
	wb_stdout_has "set 20 ms later by another thread: returned true"
}

@test "demo: threads wait with a predicate loop until all have arrived" {
	wb_run waiting --prim condition --threads 3
	wb_status 0
	wb_stdout_has "condition: 3 threads waited until all 3 had arrived"
}

@test "demo: the semaphore counts how many were inside at once; sem_t takes an extra post" {
	wb_run waiting --prim semaphore --threads 4 --rounds 200 --bound 2
	wb_status 0
	wb_stdout_has "semaphore: 4 threads x 200 rounds, bound 2: at most"
	wb_stdout_has "it took the extra sem_post too (value 3): it has no bound"
}

@test "demo: the barrier and pthread_barrier_t, timed per round" {
	wb_run waiting --prim barrier --threads 3 --rounds 1
	wb_status 0
	wb_stdout_has "barrier: 3 threads x 1 rounds: 0 crossed into the next round early"
	wb_stdout_has "barrier: pthread_barrier_t:"
}

@test "demo: the rlock taken 3 times by main, or the watchdog says main waits for itself" {
	wb_run waiting --prim rlock --watchdog-ms 300
	if [ "$status" = 3 ]; then
		wb_stderr_has "stuck while main took the rlock it already held"
	else
		wb_status 0
		wb_stdout_has "rlock: main took it 3 times"
		wb_stdout_has "a plain (error-checking) mutex taken twice"
	fi
}

# weight: 2
@test "exercise: a thread waiting on the event, the semaphore, the barrier or the rlock sleeps: no CPU, no polling" {
	# The wb_driver reads the kernel's counts for each waiting thread over
	# 200 ms (/proc/self/task/TID/schedstat and context switches): under
	# 20 ms runnable, at most 10 wake-ups. A 1 ms poll wakes ~200 times.
	wb_driver psleep
}

# weight: 3
@test "exercise: the event's timed wait sleeps and returns false after its timeout, true when set; no wake-up lost with spurious ones" {
	wb_driver ewait
}

# weight: 2
@test "exercise: the bounded semaphore never admits more than its bound and refuses a release past it (ThreadSanitizer clean)" {
	wb_driver -t 20 --tsan bsemcap
}

# weight: 2
@test "exercise: 10000 barrier rounds, a fast thread lapping a slow one, nobody leaves a round early (ThreadSanitizer clean)" {
	wb_driver -t 20 --tsan blap
}

# weight: 1
@test "exercise: the rlock lets its owner take it again, frees it after as many releases, refuses others' releases" {
	wb_driver rowner
}

@test "input: --help describes every option and exits 0" {
	wb_run waiting --help
	wb_status 0
	for o in --prim --threads --rounds --bound --timeout-ms --watchdog-ms; do
		wb_stdout_has "$o"
	done
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	# The option parser itself is tested in common.bats: here, this
	# program's ranges and the checks across its options.
	local rows=("--prim queue" "--threads 1" "--threads 65"
		"--rounds 1000001" "--bound 0" "--bound 65" "--timeout-ms 10001"
		"--watchdog-ms 9" "--timeout-ms 600 --watchdog-ms 1000")
	wb_bad_input waiting "${rows[@]}"
}
