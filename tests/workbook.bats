#!/usr/bin/env bats
# workbook.bats: what WORKBOOK.md quotes as a program's output is what the
# program prints today. A marker before a quoted block names the program, its
# arguments and the lines that come out the same on every run (see
# tests/bin/workbook-checks); these tests run every marked command and
# compare. Not a lab's test: every test here is a demo:, none is graded.

load helpers

BOOK=${WB_BOOK:-$BATS_TEST_DIRNAME/../WORKBOOK.md}
CHECKS=$BATS_TEST_DIRNAME/bin/workbook-checks

# shape: stdin to stdout, each line with every number (its minus sign too)
# made '#' and every run of blanks one space, so that lines with other
# numbers (times, pids, what a dead stack slot held) still compare. One sed
# for a whole file: bash patterns are slow.
shape() {
	sed -E 's/-?[0-9]+([.][0-9]+)?/#/g; s/[[:space:]]+/ /g; s/^ //; s/ $//'
}

# run_check DIR: runs the check in DIR (from workbook-checks) with wb_run,
# into DIR/out, DIR/err and DIR/rc. The program comes from the tree the
# marker names, beside WB_BIN (build/gcc/solutions, build/gcc/labs); in a
# SAN=thread suite from the plain build (--no-tsan), since ThreadSanitizer
# adds its reports and its exit status 66 to what a student sees.
run_check() {
	local dir=$1 tree lab prog
	local -a cmd
	mapfile -t cmd <"$dir/cmd"
	tree=${cmd[0]} lab=${cmd[1]} prog=${cmd[2]}
	(
		# wb_run finds PROG as $WB_BIN/$WB_LAB/PROG and keeps its
		# scratch files in BATS_TEST_TMPDIR: one of each per check, so
		# that the checks can run at the same time.
		# shellcheck disable=SC2030,SC2034 # read by wb_run, in this subshell
		WB_BIN=${WB_BIN%/*}/$tree WB_PLAIN_BIN=${WB_PLAIN_BIN%/*}/$tree
		WB_LAB=$lab BATS_TEST_TMPDIR=$dir
		wb_run -t 20 --no-tsan "$prog" "${cmd[@]:3}"
		printf '%s\n' "$output" >"$dir/out"
		printf '%s\n' "$stderr" >"$dir/err"
		echo "$status" >"$dir/rc"
		echo "$WB_LAST" >"$dir/ran"
	)
}

# compare_check DIR: every wanted line of DIR comes out, in order, on stdout
# or stderr; the exit status is the one wanted. Prints what differs.
compare_check() {
	local dir=$1 kind mdline text want i found failed=0 where want_rc rc
	local -a out err out_shape err_shape
	local -a want_shape
	mapfile -t out <"$dir/out"
	mapfile -t err <"$dir/err"
	mapfile -t out_shape < <(shape <"$dir/out")
	mapfile -t err_shape < <(shape <"$dir/err")
	mapfile -t want_shape < <(cut -f 3- "$dir/want" | shape)
	local o=0 e=0 n=0
	where=$(<"$dir/where") want_rc=$(<"$dir/status") rc=$(<"$dir/rc")
	if [ "$rc" != "$want_rc" ]; then
		echo "$where: expected exit status $want_rc, got $rc from: $(<"$dir/ran")"
		failed=1
	fi
	while IFS=$'\t' read -r kind mdline text; do
		found='' want=$text
		[ "$kind" = E ] || want=${want_shape[n]}
		n=$((n + 1))
		for ((i = o; i < ${#out[@]}; i++)); do
			if [ "$kind" = S ]; then
				[ "${out_shape[i]}" = "$want" ] || continue
			else
				[ "${out[i]}" = "$want" ] || continue
			fi
			found=1 o=$((i + 1))
			break
		done
		if [ -z "$found" ]; then
			for ((i = e; i < ${#err[@]}; i++)); do
				if [ "$kind" = S ]; then
					[ "${err_shape[i]}" = "$want" ] || continue
				else
					[ "${err[i]}" = "$want" ] || continue
				fi
				found=1 e=$((i + 1))
				break
			done
		fi
		if [ -z "$found" ]; then
			echo "${where%:*}:$mdline: quoted $([ "$kind" = S ] && echo "(numbers aside)" || echo exactly), not printed (in this order) by: $(<"$dir/ran")"
			echo "    quoted:  $text"
			failed=1
		fi
	done <"$dir/want"
	if [ "$failed" = 1 ]; then
		echo "    it printed (stdout, then stderr):"
		cat "$dir/out" "$dir/err" | sed '/^$/d; s/^/    | /' | head -n 40
	fi
	return $failed
}

# check_book BOOK [DIR]: runs every check of BOOK at once (already read
# into DIR, if given), each compared as soon as its program ends; a check
# that differs is run once more, alone, and then every difference is
# reported. The second run is not leniency: with every program of the book
# started at once the machine is far busier than any student's, and a
# demonstration that needs two processes on two CPUs at the same instant
# (lab12's lost updates) can miss it there.
check_book() {
	local d=${2:-$BATS_TEST_TMPDIR/checks} c failed=0
	[ -n "${2:-}" ] || "$CHECKS" "$1" "$d" || return 1
	for c in "$d"/*/; do
		c=${c%/}
		{
			run_check "$c"
			compare_check "$c" >"$c/report" && touch "$c/same"
		} &
	done
	wait
	for c in "$d"/*/; do
		c=${c%/}
		[ -e "$c/same" ] && continue
		run_check "$c"
		compare_check "$c" >"$c/report" && continue
		cat "$c/report" >&2
		failed=1
	done
	return $failed
}

# WORKBOOK.md is read once, for the first two tests.
setup_file() {
	"$CHECKS" "$BOOK" "$BATS_FILE_TMPDIR/checks" >"$BATS_FILE_TMPDIR/problems" 2>&1 &&
		touch "$BATS_FILE_TMPDIR/read"
}

@test "demo: every check marker in WORKBOOK.md names a program and the lines to compare" {
	[ -e "$BATS_FILE_TMPDIR/read" ] || {
		cat "$BATS_FILE_TMPDIR/problems" >&2
		return 1
	}
}

@test "demo: the program output WORKBOOK.md quotes is what the programs print" {
	[ -e "$BATS_FILE_TMPDIR/read" ] || {
		echo "WORKBOOK.md has malformed check markers (see the test above)" >&2
		return 1
	}
	check_book "$BOOK" "$BATS_FILE_TMPDIR/checks"
}

@test "demo: the output check catches a quoted line that the program does not print" {
	local book=$BATS_TEST_TMPDIR/book.md
	cat >"$book" <<-'EOF'
		<!-- check: solutions/lab15-amdahl/amdahl --karp-flatt 3.2 --threads 4 -->
		```
		speedup 3.2 on 4 threads: Karp-Flatt serial fraction e = 0.099999
		```
		<!-- check: solutions/lab15-amdahl/amdahl --karp-flatt 3.2 --threads 4; shape 1 -->
		```
		speedup 9.9 on 9 threads: Karp-Flatt serial fraction e = 0.5
		```
	EOF
	run check_book "$book"
	[ "$status" = 1 ] && [[ $output == *"book.md:3: quoted exactly"* ]] &&
		[[ $output != *"book.md:7:"* ]] || {
		echo "expected a mismatch on book.md:3 only; the check said:" >&2
		echo "$output" >&2
		return 1
	}
}
