# stage.sh: sourced by suite and grade. The tests run lab programs as user
# nobody when run as root (see tests/helpers.bash). If nobody cannot reach the
# build folder (a clone under /root, say), copy the builds somewhere it can.

# wb_stage VAR...: each VAR names a build folder; when nobody cannot enter it,
# the folder is copied under one temporary folder and VAR points at the copy.
# Sets WB_STAGE to that folder (to remove at exit), or leaves it empty.
wb_stage() {
	WB_STAGE=
	[ "$(id -u)" = 0 ] || return 0
	local var dir
	for var in "$@"; do
		dir=${!var}
		[ -d "$dir" ] || continue
		# An absolute path: a program may re-run itself by /proc/self/exe.
		if ! setpriv --reuid=65534 --regid=65534 --clear-groups \
			test -x "$(realpath "$dir")" 2>/dev/null; then
			[ -n "$WB_STAGE" ] || WB_STAGE=$(mktemp -d /tmp/wb-stage.XXXXXX)
			chmod 755 "$WB_STAGE"
			mkdir -p "$WB_STAGE/$var"
			cp -a "$dir/." "$WB_STAGE/$var/"
			printf -v "$var" '%s' "$WB_STAGE/$var"
		fi
	done
	if [ -n "$WB_STAGE" ]; then
		chmod -R a+rX "$WB_STAGE"
		echo "note: nobody cannot reach the build folder; testing copies in $WB_STAGE"
	fi
}
