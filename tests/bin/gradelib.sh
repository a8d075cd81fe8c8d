# gradelib.sh: grading one lab of one tree, shared by grade and mutation.
# Sourced from the checkout's root. A submission is hostile: it is copied in
# by name (the names come from solutions/, never from the submission), built
# by a compiler in the jail (build/jail, from tests/jail/jail.c), and its
# programs run in the jail too.

# The largest source file taken from a submission.
WB_MAX_SOURCE=$((1024 * 1024))

# wb_labs: the workbook's labs, one a line (from solutions/, which we trust).
wb_labs() {
	(cd solutions && ls -d lab[0-9][0-9]-*)
}

# wb_real_dir PATH: PATH is a folder and not a symbolic link.
wb_real_dir() {
	[ -d "$1" ] && [ ! -L "$1" ]
}

# wb_find_labs DIR: prints the folder that holds DIR's labNN-topic folders:
# DIR itself (a labs/ folder) or DIR/labs (a whole clone). Fails if neither.
wb_find_labs() {
	local cand lab
	for cand in "$1" "$1/labs"; do
		wb_real_dir "$cand" || continue
		for lab in $(wb_labs); do
			if wb_real_dir "$cand/$lab"; then
				echo "$cand"
				return 0
			fi
		done
	done
	return 1
}

# wb_intake SRC DEST LAB: copies lab LAB's sources from SRC/LAB to DEST/LAB.
# Only the file names the reference has are looked at, so the submission's
# folder is never listed: hostile names and floods of files are never read.
# Only regular files (no symbolic link, FIFO or device) of at most
# WB_MAX_SOURCE bytes are taken. Says on stdout what it left out; fails when
# the lab folder is missing.
wb_intake() {
	local from=$1/$3 to=$2/$3 f name
	mkdir -p "$to"
	if ! wb_real_dir "$from"; then
		echo "intake: $3: no such folder (a symbolic link is not taken)"
		return 1
	fi
	for f in solutions/"$3"/*.[ch]; do
		name=${f##*/}
		if [ -L "$from/$name" ] || { [ -e "$from/$name" ] && [ ! -f "$from/$name" ]; }; then
			echo "intake: $3/$name: not a regular file: left out"
		elif [ ! -e "$from/$name" ]; then
			echo "intake: $3/$name: missing"
		elif (($(stat -c %s -- "$from/$name") > WB_MAX_SOURCE)); then
			echo "intake: $3/$name: larger than $WB_MAX_SOURCE bytes: left out"
		else
			# A file swapped for a FIFO after the test above cannot hang us.
			timeout 5 head -c "$WB_MAX_SOURCE" -- "$from/$name" >"$to/$name" ||
				echo "intake: $3/$name: could not be read: left out"
		fi
	done
	return 0
}

# wb_build_lab TREE LAB OUT: builds LAB of TREE into OUT/bin (plain) and
# OUT/tsan (ThreadSanitizer). The compiler runs in the jail as an
# unprivileged user that sees only TREE, common/ and the test drivers (LAB's
# and tests/drivers/include/), with
# a CPU-time cap; the whole build has 5 minutes. Log in OUT/LAB.build.log.
wb_build_lab() {
	local tree=$1 lab=$2 out=$3 num
	num=${lab#lab}
	num=${num%%-*}
	mkdir -p "$out/bin" "$out/tsan"
	local buid=$((100000 + $$))
	[ "$(id -u)" != 0 ] || chown -R "$buid:$buid" "$out/bin" "$out/tsan"
	local cc="$PWD/build/jail --build --uid $buid --hide $PWD --keep common --keep $tree"
	cc+=" --keep tests/drivers/$lab --keep tests/drivers/include --rw $out/bin --rw $out/tsan -- ${CC:-gcc}"
	# umask 0: the folders make creates (as us) must take the compiler's
	# output (as the jail's user); write access is taken back after.
	# A grading is always a plain build: without MAKEFLAGS, a caller's
	# `make SAN=... test` would hand its SAN down to this make.
	(umask 0 && timeout -k 5 300 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		"${MAKE:-make}" -s --no-print-directory CC="$cc" SAN= \
		B="$out/bin" BT="$out/tsan" BP="$out/bin" LABS_DIR="$tree" \
		"build-lab$num") >"$out/$lab.build.log" 2>&1
	local rc=$?
	chmod -R go-w "$out/bin" "$out/tsan"
	return $rc
}

# wb_exercises LAB: each exercise test of LAB as "WEIGHT<tab>NAME", where
# WEIGHT is the "# weight: N" line just above the test (empty if none).
wb_exercises() {
	awk '/^# weight: [0-9]+$/ { w = $3; next }
		/^@test "exercise: .*" \{$/ {
			name = $0; sub(/^@test "/, "", name); sub(/" \{$/, "", name)
			print w "\t" name }
		{ w = "" }' "tests/$1.bats"
}

# wb_score LAB TAP: prints "PASSED PLANNED POINTS" for a TAP file of LAB's
# exercise tests: the points are the weights of the tests that passed.
wb_score() {
	awk -F '\t' 'NR == FNR { weight[$2] = $1; planned++; next }
		/^ok [0-9]+ / { name = $0; sub(/^ok [0-9]+ /, "", name)
			sub(/ # in [0-9]+ ms$/, "", name)
			if (name in weight) { passed++; points += weight[name] } }
		END { printf "%d %d %d\n", passed, planned, points }' \
		<(wb_exercises "$1") "$2"
}

# wb_unbuilt_reports LAB TAP XML: the TAP and JUnit files of a lab that did
# not build: every exercise test failed, saying why.
wb_unbuilt_reports() {
	local n=0 name esc
	{
		echo "1..$(wb_exercises "$1" | grep -c .)"
		while IFS=$'\t' read -r _ name; do
			n=$((n + 1))
			echo "not ok $n $name"
			echo "# the lab did not build: see $1.build.log"
		done < <(wb_exercises "$1")
	} >"$2"
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo "<testsuites><testsuite name=\"$1\" tests=\"$n\" failures=\"$n\" errors=\"0\">"
		while IFS=$'\t' read -r _ name; do
			esc=$(sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g' <<<"$name")
			echo "<testcase classname=\"$1\" name=\"$esc\"><failure message=\"the lab did not build\"/></testcase>"
		done < <(wb_exercises "$1")
		echo "</testsuite></testsuites>"
	} >"$3"
}

# wb_grade_lab TREE LAB OUT: builds and tests LAB of TREE; writes
# OUT/LAB.tap, OUT/LAB.xml and OUT/LAB.build.log, and prints "PASSED
# PLANNED POINTS" (or "nobuild PLANNED 0").
wb_grade_lab() {
	local tree=$1 lab=$2 out=$3 key
	if ! wb_build_lab "$tree" "$lab" "$out"; then
		wb_unbuilt_reports "$lab" "$out/$lab.tap" "$out/$lab.xml"
		echo "nobuild $(wb_exercises "$lab" | grep -c .) 0"
		return 0
	fi
	key=ext$(realpath -m "$tree" | tr / _)
	local WB_BIN WB_TSAN_BIN WB_STAGE
	WB_BIN=$(realpath -m "$out/bin/$key") WB_TSAN_BIN=$(realpath -m "$out/tsan/$key")
	wb_stage WB_BIN WB_TSAN_BIN >/dev/null
	mkdir -p "$out/junit-$lab"
	# SAN= : the tests judge the plain build they were given (under SAN,
	# the helpers would take a race's exit status 66 as the hazard on show).
	WB_BIN=$WB_BIN WB_TSAN_BIN=$WB_TSAN_BIN WB_PLAIN_BIN=$WB_BIN WB_JAIL_WARNED=1 SAN= \
		timeout -k 5 300 bats --tap -f '^exercise: ' \
		--report-formatter junit -o "$out/junit-$lab" \
		"tests/$lab.bats" 2>&1 | grep -v 'tests/helpers\.bash' >"$out/$lab.tap"
	mv "$out/junit-$lab/report.xml" "$out/$lab.xml" 2>/dev/null
	rm -rf "$out/junit-$lab"
	[ -z "$WB_STAGE" ] || rm -rf "$WB_STAGE"
	wb_score "$lab" "$out/$lab.tap"
}
