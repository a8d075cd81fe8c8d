# gio watches the I/O thread's blocking calls and bytecodes; gcount forces
# a switch in the first bytecode of a run.
LDFLAGS_lab08-gil/gio := -Wl,--wrap=wb_sleep_ns -Wl,--wrap=wb_burn
LDFLAGS_lab08-gil/gcount := -Wl,--wrap=wb_burn
