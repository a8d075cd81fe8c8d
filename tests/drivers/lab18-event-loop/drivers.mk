# dflush and dmany make the server's writes short or EAGAIN (dmany also
# sees the loop go to sleep in epoll_wait); dpool and dhand hold the
# pool's sums (wb_burn) at a gate of theirs.
LDFLAGS_lab18-event-loop/dflush := -Wl,--wrap=write -Wl,--wrap=send
LDFLAGS_lab18-event-loop/dmany := -Wl,--wrap=write -Wl,--wrap=send \
	-Wl,--wrap=epoll_wait
LDFLAGS_lab18-event-loop/dpool := -Wl,--wrap=wb_burn
LDFLAGS_lab18-event-loop/dhand := -Wl,--wrap=wb_burn
