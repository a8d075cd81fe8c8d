#!/usr/bin/env python3
"""sumsq.py: lab08 on real CPython: the guide's sum of squares (or sleeps),
serially, on threads, on processes; --race: `counter += 1` with no lock.
  python3 labs/lab08-gil/sumsq.py [--kind cpu|io] [--threads N] [--race]
Expect CPU-bound threads no faster than one (the GIL); sleeps overlap.
"""
import argparse
import os
import re
import statistics
import sys
import threading
import time

HEADER = ("impl,kind,gil,threads,interval_us,work,reps,serial_s,median_s,"
          "min_s,max_s,speedup,switches,drop_requests")


def cpu_task(n):
    """The guide's CPU-bound task (seed guide, section 13): n terms."""
    s = 0
    for i in range(n):
        s += i * i
    return s


def io_task(n, wait_s):
    """n blocking waits: time.sleep releases the GIL while it waits."""
    for _ in range(n):
        time.sleep(wait_s)
    return n


def shares(work, n):
    """work split into n shares that differ by at most one."""
    return [work // n + (1 if k < work % n else 0) for k in range(n)]


def task_for(args):
    """The function one worker runs and the argument tuple for a share."""
    if args.kind == "cpu":
        return cpu_task, lambda share: (share,)
    return io_task, lambda share: (share, args.io_us / 1e6)


def run_serial(args):
    """The baseline: all the work in this thread, nothing else running."""
    fn, argv = task_for(args)
    t0 = time.perf_counter()
    fn(*argv(args.work))
    return time.perf_counter() - t0


def run_threads(args):
    """The same work on --threads threads, started together by a barrier;
    the time from the first thread's start to the last one's end (each
    thread reads the clock itself, so the main thread's turn does not
    count)."""
    fn, argv = task_for(args)
    gate = threading.Barrier(args.threads)
    span = [None] * args.threads

    def worker(k, share):
        gate.wait()
        t0 = time.perf_counter()
        fn(*argv(share))
        span[k] = (t0, time.perf_counter())

    ts = [threading.Thread(target=worker, args=(k, s))
          for k, s in enumerate(shares(args.work, args.threads))]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return max(e for _, e in span) - min(s for s, _ in span)


def proc_worker(gate, span, k, kind, share, io_us):
    gate.wait()
    t0 = time.perf_counter()  # CLOCK_MONOTONIC: one clock for all processes
    if kind == "cpu":
        cpu_task(share)
    else:
        io_task(share, io_us / 1e6)
    span[2 * k], span[2 * k + 1] = t0, time.perf_counter()


def run_processes(args):
    """The same work on --threads processes (each its own interpreter and
    GIL), timed as run_threads: first start to last end."""
    import multiprocessing  # here: the other modes start faster without it

    ctx = multiprocessing.get_context("fork")
    gate = ctx.Barrier(args.threads)
    span = ctx.Array("d", 2 * args.threads, lock=False)
    ps = [ctx.Process(target=proc_worker,
                      args=(gate, span, k, args.kind, s, args.io_us))
          for k, s in enumerate(shares(args.work, args.threads))]
    try:
        for p in ps:
            p.start()
        for p in ps:
            p.join()
    finally:
        for p in ps:  # nothing left behind, even after Ctrl-C
            if p.is_alive():
                p.kill()
                p.join()
    if any(p.exitcode != 0 for p in ps):
        sys.exit("sumsq.py: a worker process failed")
    return max(span[1::2]) - min(span[0::2])


def gil_enabled():
    """False only on a free-threaded build running without the GIL."""
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else check()


def measure(args):
    """One warm-up of each, then --reps rounds of serial and parallel runs,
    interleaved so that a slow spell of the machine hits both alike."""
    parallel = run_processes if args.mode == "processes" else run_threads
    run_serial(args)
    parallel(args)
    serial, par = [], []
    for _ in range(args.reps):
        serial.append(run_serial(args))
        par.append(parallel(args))
    return statistics.median(serial), par


def race(args):
    """--race: N threads do `counter += 1` on a global with no lock."""
    global counter
    n = shares(args.work, args.threads)

    def bump(times):
        global counter
        gate.wait()
        for _ in range(times):
            counter += 1  # load, add, store: three bytecodes, no lock

    rows = []
    for _ in range(args.reps):
        counter = 0
        gate = threading.Barrier(args.threads)
        ts = [threading.Thread(target=bump, args=(k,)) for k in n]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        rows.append(counter)
    return rows


counter = 0


def interval_us():
    return round(sys.getswitchinterval() * 1e6)


def describe():
    build = "GIL on" if gil_enabled() else "GIL off (free-threaded)"
    return (f"CPython {sys.version.split()[0]} ({sys.executable}), {build}, "
            f"switch interval {interval_us()} us, {os.cpu_count()} CPUs")


def report_race(args):
    counted = race(args)
    expected = args.work
    if args.csv:
        print("impl,threads,interval_us,expected,counted,lost")
        for c in counted:
            print(f"cpython,{args.threads},{interval_us()},{expected},{c},"
                  f"{expected - c}")
        return
    print(describe())
    print(f"{args.threads} threads did `counter += 1` on a global, "
          f"{expected} times in all, with no lock")
    for c in counted:
        lost = expected - c
        print(f"expected {expected}, counted {c}: {lost} updates lost "
              f"({100 * lost / expected:.1f}%)")
    if all(c == expected for c in counted):
        print("none lost: no thread switch fell between a load of counter "
              "and its store (since 3.10 CPython switches only at calls and "
              "at a loop's jump back)")
    else:
        print("updates lost: a thread switch fell between a thread's load "
              "of counter and its store, and the store undid the other "
              "thread's updates")


def report(args):
    serial, par = measure(args)
    med = statistics.median(par)
    impl = "cpython" if args.mode == "threads" else "cpython-processes"
    if args.csv:
        print(HEADER)
        print(f"{impl},{args.kind},{'on' if gil_enabled() else 'off'},"
              f"{args.threads},{interval_us()},{args.work},{args.reps},"
              f"{serial:.6f},{med:.6f},{min(par):.6f},{max(par):.6f},"
              f"{serial / med:.4f},0,0")
        return
    print(describe())
    if args.kind == "cpu":
        what = f"the sum of i*i for {args.work} terms"
    else:
        what = f"{args.work} waits of {args.io_us} us (time.sleep)"
    print(f"{args.kind}-bound: {what}, split over {args.threads} "
          f"{args.mode}; median of {args.reps} runs")
    print(f"serial      {serial * 1000:8.1f} ms")
    print(f"{args.threads} {args.mode:<9} {med * 1000:8.1f} ms "
          f"(min {min(par) * 1000:.1f}, max {max(par) * 1000:.1f}): "
          f"speedup {serial / med:.2f}x, time ratio {med / serial:.2f}")
    if args.kind == "cpu" and args.mode == "threads" and gil_enabled():
        print("CPU-bound threads take turns holding the GIL: "
              "no faster than one thread")
    elif args.kind == "cpu":
        print(f"each of the {args.mode} runs bytecode on its own: "
              f"faster as far as there are free CPUs")
    else:
        print("a sleeping thread has released the GIL: "
              "the waits overlap")


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse prints usage too)
        sys.stderr.write(f"{self.prog}: {message}\n")
        sys.exit(2)


def int_in(lo, hi):
    def parse(text):
        # digits only: int() would also take "+5", " 5", "1_000" and "٥"
        value = int(text) if re.fullmatch("[0-9]+", text) else None
        if value is None or not lo <= value <= hi:
            raise argparse.ArgumentTypeError(
                f"must be an integer from {lo} to {hi}, not {text!r}")
        return value
    return parse


def parse(argv):
    p = Parser(prog="sumsq.py", description="lab08 on real CPython: the "
               "sum of squares (or sleeps) run serially and on threads or "
               "processes, with the time ratio; or --race")
    p.add_argument("--kind", choices=["cpu", "io"],
                   help="cpu: sum of squares (holds the GIL); io: sleeps "
                   "(release it) (default cpu)")
    p.add_argument("--mode", choices=["threads", "processes"],
                   help="run the shares on threads or on processes "
                   "(default threads)")
    p.add_argument("--threads", type=int_in(1, 64), default=2, metavar="N",
                   help="threads (or processes) sharing the work, 1..64 "
                   "(default 2)")
    p.add_argument("--work", type=int_in(1, 10**9), metavar="N",
                   help="total work, split among them: terms of the sum "
                   "(cpu, default 2000000), waits (io, default 100), "
                   "increments (--race, default 2000000)")
    p.add_argument("--io-us", type=int_in(1, 1000000),
                   metavar="N", help="length of one wait, us, 1..1000000 "
                   "(default 1000)")
    p.add_argument("--reps", type=int_in(1, 1000), default=3, metavar="N",
                   help="timed runs after one warm-up, 1..1000 (default 3)")
    p.add_argument("--switch-interval-us", type=int_in(1, 10**6),
                   metavar="N", help="sys.setswitchinterval, us, 1..1000000 "
                   "(default CPython's 5000)")
    p.add_argument("--race", action="store_true",
                   help="instead: --threads threads do `counter += 1` on "
                   "a global, --work times in all; report lost updates")
    p.add_argument("--bare", action="store_true",
                   help="run the parallel configuration once, no warm-up "
                   "or baseline, print nothing (to time it with hyperfine)")
    p.add_argument("--csv", action="store_true",
                   help="print a header line and one row (as lab08's gil)")
    args = p.parse_args(argv)
    if args.race and (args.mode or args.kind or args.bare):
        p.error("argument --race: takes no --mode, --kind or --bare")
    if args.bare and args.csv:
        p.error("argument --bare: prints nothing, so no --csv")
    args.mode = args.mode or "threads"
    args.kind = args.kind or "cpu"
    if args.io_us is not None and args.kind != "io":
        p.error("argument --io-us: only with --kind io")
    args.io_us = args.io_us or 1000
    if args.work is None:
        args.work = 100 if args.kind == "io" else 2000000
    if args.work < args.threads:
        p.error(f"argument --work: must be at least --threads "
                f"({args.threads}), not {args.work}")
    return args


def main(argv):
    args = parse(argv)
    if args.switch_interval_us is not None:
        sys.setswitchinterval(args.switch_interval_us / 1e6)
    if args.race:
        report_race(args)
    elif args.bare:
        (run_processes if args.mode == "processes" else run_threads)(args)
    else:
        report(args)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except KeyboardInterrupt:
        sys.exit(130)
