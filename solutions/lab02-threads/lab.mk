# lab02: make lab02 runs threads, then daemon.
RUN_lab02-threads := threads daemon
