# lab18: accept4, signalfd and friends need _GNU_SOURCE.
CFLAGS_lab18-event-loop := -D_GNU_SOURCE
