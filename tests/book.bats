#!/usr/bin/env bats
# book.bats: WORKBOOK.md holds together as a book, checked without a browser
# (tests/bin/book-check): its links and anchors resolve, its figures exist,
# every lab has a chapter, every make command it quotes is one the Makefile
# and the programs accept, and the HTML page pandoc makes of it (tests/bin/
# book, what `make book` runs) has every id, figure and stylesheet it links
# to. Not a lab's test: every test here is a demo:, none is graded. The
# check in a real browser is tests/bin/book-screenshot (`make
# book-screenshot`, in .ci/run).

: "${WB_BIN:?WB_BIN names the build of the tree under test (run through make)}"
ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
CHECK=$ROOT/tests/bin/book-check
# The builds of both trees, labs/ and solutions/, side by side: the plain
# one (the programs only parse their options here; a sanitizer adds nothing).
BUILD=${WB_PLAIN_BIN:-$WB_BIN}
BUILD=${BUILD%/*}

# The page is rendered once, while the first tests run; the exit status
# lands in render.rc (3>&-: bats waits for fd 3 to close).
setup_file() {
	(
		rc=0
		"$ROOT/tests/bin/book" --no-pdf "$BATS_FILE_TMPDIR/book" || rc=$?
		echo "$rc" >"$BATS_FILE_TMPDIR/render.rc"
	) >"$BATS_FILE_TMPDIR/render.log" 2>&1 3>&- &
}

# refused LINE...: the last check (run) exited 1 and said every LINE.
refused() {
	local w missed=0
	for w in "$@"; do
		[[ $output == *"$w"* ]] || {
			echo "the check did not say: $w" >&2
			missed=1
		}
	done
	[ "$status" = 1 ] && [ "$missed" = 0 ] || {
		echo "exit status $status; it said:" >&2
		echo "$output" >&2
		return 1
	}
}

# checked ARGS...: runs the book check; passes when it finds nothing.
checked() {
	run "$CHECK" "$@"
	[ "$status" = 0 ] || {
		echo "tests/bin/book-check $* found (exit $status):" >&2
		echo "$output" >&2
		return 1
	}
}

@test "demo: every link, anchor and figure of WORKBOOK.md resolves and every lab has its chapter" {
	checked --only text "$ROOT/WORKBOOK.md"
}

@test "demo: every make command WORKBOOK.md quotes names real targets, and its programs accept its ARGS" {
	checked --only commands --bin "$BUILD" "$ROOT/WORKBOOK.md"
}

@test "demo: the book check catches a broken link, a missing figure, a bad option and a missing chapter" {
	local book=$BATS_TEST_TMPDIR/WORKBOOK.md
	ln -s "$ROOT/plots" "$BATS_TEST_TMPDIR/plots"
	sed -e 's/(#lab-03-lost-updates-lab03-race)/(#lab-03-lost-update)/' \
		-e 's|(plots/race-cost.svg)|(plots/race-costs.svg)|' \
		-e 's/make lab03 ARGS="--mode mutex"/make lab03 ARGS="--mode mutexes"/' \
		-e 's/make lab15 ARGS="--serial 0.5"/make lab15 ARGS="--serial 5"/' \
		-e 's/PROG=ring ARGS/PROG=rings ARGS/' \
		-e 's/^make lab22$/make lab99/' \
		-e 's/^## Lab 14: /## Lab fourteen: /' \
		"$ROOT/WORKBOOK.md" >"$book"
	run "$CHECK" --bin "$BUILD" "$book"
	local want=(
		"link to #lab-03-lost-update: no heading has that anchor"
		"image plots/race-costs.svg: no such file"
		"refuses these options (exit 2): race: --mode: expected one of"
		"amdahl refuses these options (exit 2): amdahl: --serial: expected a number from 0 to 1, got '5'"
		"lab12-shared-memory has no program rings"
		"there is no lab 99 in solutions/"
		"solutions/lab14-false-sharing has no chapter"
	)
	refused "${want[@]}"
}

@test "demo: the HTML book (make book) has a contents sidebar, and every id, figure and stylesheet it links to" {
	local i
	for ((i = 0; i < 600; i++)); do
		[ -e "$BATS_FILE_TMPDIR/render.rc" ] && break
		sleep 0.1
	done
	[ -s "$BATS_FILE_TMPDIR/book/index.html" ] || {
		echo "tests/bin/book wrote no page:" >&2
		cat "$BATS_FILE_TMPDIR/render.log" >&2
		return 1
	}
	checked --only html --html "$BATS_FILE_TMPDIR/book/index.html" "$ROOT/WORKBOOK.md"
	# C and Python come out highlighted (pandoc's classes for keywords).
	grep -q '<code class="sourceCode c">' "$BATS_FILE_TMPDIR/book/index.html"
	grep -q '<code class="sourceCode python">' "$BATS_FILE_TMPDIR/book/index.html"
}

@test "demo: the page check catches a link to a missing id, a figure not beside the page and no sidebar" {
	local d=$BATS_TEST_TMPDIR
	printf '# T\n\n## One part\n\nSee [the part](#one-part).\n\n![a figure](plots/amdahl.svg)\n' >"$d/book.md"
	printf '<html><head><link rel="stylesheet" href="style.css"></head><body>%s</body></html>\n' \
		'<h1 id="t">T</h1><h2 id="one">One part</h2><a href="#one-part">x</a><img src="plots/amdahl.svg">' \
		>"$d/index.html"
	run "$CHECK" --only html --html "$d/index.html" "$d/book.md"
	local want=(
		"index.html: link to #one-part: no element has that id"
		"the heading 'One part' has no id one-part"
		"image plots/amdahl.svg is not beside the page"
		"its stylesheet is not beside it"
		"no contents sidebar (nav#TOC)"
	)
	refused "${want[@]}"
}
