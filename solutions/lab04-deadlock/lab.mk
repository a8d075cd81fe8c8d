# lab04-deadlock: `make lab04` shows the deadlock for certain (--force), and
# ARGS="..." on the command line replaces this default.
lab04: ARGS = --force
