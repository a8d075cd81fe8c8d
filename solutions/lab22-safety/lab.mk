# lab22: `make lab22` runs the shell-injection demo, then the lying frame.
RUN_lab22-safety := inject frames
