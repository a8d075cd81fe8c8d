# lab11's drivers make read(2) and write(2) move few bytes and fail with
# EINTR (drv.h); frames also gets its own read_full, so that it grades
# frame_read alone; killcheck sees when a queue's name exists.
LAB11_RW := -Wl,--wrap=read -Wl,--wrap=write
LDFLAGS_lab11-ipc/fullio := $(LAB11_RW)
LDFLAGS_lab11-ipc/frames := $(LAB11_RW) -Wl,--wrap=read_full
LDFLAGS_lab11-ipc/roundtrip := $(LAB11_RW)
LDFLAGS_lab11-ipc/killcheck := $(LAB11_RW) -Wl,--wrap=mq_open \
	-Wl,--wrap=mq_unlink
