# lab02's drivers: teamcheck sees every thread the tree's team_start
# creates; bgcheck sees the background thread's create, detach and joins.
LDFLAGS_lab02-threads/teamcheck := -Wl,--wrap=pthread_create
LDFLAGS_lab02-threads/bgcheck := -Wl,--wrap=pthread_create \
	-Wl,--wrap=pthread_detach -Wl,--wrap=pthread_join
