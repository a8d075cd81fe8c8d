# dflush and dmany make the server's writes short or EAGAIN; dpool and
# dhand hold the pool's sums (wb_burn) at a gate of theirs.
LDFLAGS_lab18-event-loop/dflush := -Wl,--wrap=write -Wl,--wrap=send
LDFLAGS_lab18-event-loop/dmany := -Wl,--wrap=write -Wl,--wrap=send
LDFLAGS_lab18-event-loop/dpool := -Wl,--wrap=wb_burn
LDFLAGS_lab18-event-loop/dhand := -Wl,--wrap=wb_burn
