# lab10's drivers see how the lab starts processes (starts.h): posix_spawn
# is counted, every other way is counted and refused. checkatfork sees who
# takes and releases the lab's locks.
LAB10_STARTS := posix_spawn posix_spawnp fork vfork _Fork system popen clone \
	execv execvp execve execvpe fexecve execl execlp execle
LAB10_LOCKS := pthread_mutex_lock pthread_mutex_trylock pthread_mutex_unlock \
	pthread_mutex_init
LDFLAGS_lab10-spawn-vs-fork/checkspawn := $(LAB10_STARTS:%=-Wl,--wrap=%)
LDFLAGS_lab10-spawn-vs-fork/checkrespawn := $(LAB10_STARTS:%=-Wl,--wrap=%)
LDFLAGS_lab10-spawn-vs-fork/checkatfork := $(LAB10_LOCKS:%=-Wl,--wrap=%)
