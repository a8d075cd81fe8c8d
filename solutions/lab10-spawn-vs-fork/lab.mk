# lab10: `make lab10` runs the start-cost table, then the fork hazard demo.
RUN_lab10-spawn-vs-fork := startcost forkhazard
