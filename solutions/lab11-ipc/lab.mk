# lab11: `make lab11` runs the frames demo on the three transports.
RUN_lab11-ipc := ipc
# mq_open and friends: in libc since glibc 2.34, in librt before.
LDLIBS_lab11-ipc := -lrt
