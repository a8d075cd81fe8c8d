# lab12: `make lab12` runs the race across processes (shm, unsafe).
RUN_lab12-shared-memory := shm
