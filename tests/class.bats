#!/usr/bin/env bats
# class: grading a whole class (tests/bin/class, make grade-class). Six tiny
# students hand in lab03 as a clone, a .tar.gz, a .zip, a broken tree, a
# folder with a hostile name and an empty folder; the class is graded once
# (setup_file) and the tests read the CSV, the summary and the reports.
# Also: archives are unpacked safely, and the committed GitHub Classroom
# file is the one the labs list generates.

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

setup_file() {
	cd "$ROOT" || return 1
	local subs=$BATS_FILE_TMPDIR/subs pack=$BATS_FILE_TMPDIR/pack
	export MARK=wbmark$$x$RANDOM
	mkdir -p "$subs/alice/labs" "$pack/bob-main/labs" "$pack/zip/labs" "$subs/dave" "$subs/erin"
	cp -r solutions/lab03-race "$subs/alice/labs/"
	cp -r solutions/lab03-race "$pack/bob-main/labs/"
	tar -C "$pack" -czf "$subs/bob.tar.gz" bob-main
	cp -r labs/lab03-race "$pack/zip/labs/"
	python3 -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", sys.argv[2])' \
		"$subs/carol" "$pack/zip"
	cp -r solutions/lab03-race "$subs/dave/"
	echo 'int broken(void) { return }' >>"$subs/dave/lab03-race/counters.c"
	mkdir -p "$subs/x;touch $MARK;\$(touch $MARK)"
	cp -r labs/lab03-race "$subs/x;touch $MARK;\$(touch $MARK)/"
	export OUT=$BATS_FILE_TMPDIR/out
	# In a `make SAN=... test` the points must still be a plain grading's:
	# gradelib.sh builds and tests without the caller's SAN and MAKEFLAGS.
	(cd "$BATS_FILE_TMPDIR" && timeout 120 env WB_ONLY=03 JOBS=2 WB_GRADE_OUT="$OUT" \
		MAKE=make "$ROOT/tests/bin/class" grade "$subs") >"$BATS_FILE_TMPDIR/summary" 2>&1 ||
		echo "exit status $?" >>"$BATS_FILE_TMPDIR/summary"
}

setup() {
	cd "$ROOT" || return 1
	summary=$(<"$BATS_FILE_TMPDIR/summary")
}

@test "input: the class CSV has one quoted row per student with the points of each lab" {
	diff - "$OUT/class.csv" <<EOF || { echo "$summary" >&2; return 1; }
"student","lab03-race","total","note"
"alice",10,10,"labs found in labs/"
"bob",10,10,"labs found one folder down"
"carol",0,0,"labs found in labs/"
"dave",0,0,""
"erin",0,0,"no labNN-topic folder found (nor in labs/ or one folder down)"
"x_touch_${MARK}___touch_${MARK}_",0,0,""
EOF
}

@test "input: identical submissions are graded once, and the summary counts full, zero, no build, missing" {
	[[ $summary == *"graded 6 students, 1 labs each, with 2 jobs"* ]]
	[[ $summary == *"4 distinct submissions graded, 2 reused"* ]]
	[[ $summary =~ lab03-race\ +2\ +0\ +2\ +1\ +1 ]]
	[[ $summary == *"erin: no labNN-topic folder found"* ]]
	[[ $summary == *"slowest submissions"* ]]
}

@test "input: each student gets TAP, JUnit with their name, and build and intake logs" {
	local d=$OUT/class/alice
	grep -q '^ok 1 exercise: ' "$d/lab03-race.tap"
	grep -q '<testsuite name="alice: lab03-race' "$d/lab03-race.xml"
	[ -f "$d/lab03-race.build.log" ] && [ -f "$d/lab03-race.intake.log" ]
	grep -q '^not ok 1 .*' "$OUT/class/dave/lab03-race.tap"
	grep -q 'the lab did not build' "$OUT/class/dave/lab03-race.tap"
	# The build log of a shared grading names no student.
	! grep -q alice "$OUT/class/bob/lab03-race.build.log"
}

@test "input: a hostile folder name is data: sanitized, and never run" {
	[ -z "$(find "$BATS_FILE_TMPDIR" "$ROOT" /tmp -maxdepth 2 -name "$MARK" 2>/dev/null)" ]
	[ -d "$OUT/class/x_touch_${MARK}___touch_${MARK}_" ]
}

@test "input: archives are unpacked without absolute paths, '..', links or devices" {
	local a=$BATS_TEST_TMPDIR/a
	mkdir -p "$a/out"
	python3 - "$a" "$MARK" <<'EOF'
import io, sys, tarfile, zipfile
a, mark = sys.argv[1], sys.argv[2]
def add(t, name, kind=tarfile.REGTYPE, data=b"x", link=""):
    i = tarfile.TarInfo(name); i.type = kind; i.linkname = link; i.size = len(data) if kind == tarfile.REGTYPE else 0
    t.addfile(i, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
with tarfile.open(a + "/t.tar.gz", "w:gz") as t:
    add(t, "good/labs/ok.c")
    add(t, "../" + mark)
    add(t, "/tmp/" + mark)
    add(t, "good/link", tarfile.SYMTYPE, link="/etc")
    add(t, "good/link/" + mark)
    add(t, "good/hard", tarfile.LNKTYPE, link="/etc/passwd")
    add(t, "good/dev", tarfile.CHRTYPE)
    add(t, "good/big.c", data=b"y" * (2 << 20))
with zipfile.ZipFile(a + "/z.zip", "w") as z:
    z.writestr("good/ok.c", "x")
    z.writestr("../" + mark, "x")
    i = zipfile.ZipInfo("good/zlink"); i.external_attr = 0o120777 << 16
    z.writestr(i, "/etc")
EOF
	run bash -c 'source <(sed -n "/^unpack()/,/^}/p" tests/bin/class)
		WB_MAX_SOURCE=1048576 WB_UNPACK_MAX=1000000000 WB_ENTRIES_MAX=100
		unpack "$1/t.tar.gz" "$1/out/t" && unpack "$1/z.zip" "$1/out/z"' unpack "$a"
	[ "$status" = 0 ]
	[[ $output == *"unsafe path"* && $output == *"not a regular file"* && $output == *"larger than"* ]]
	# A file under a link that was left out lands in a plain folder.
	[ "$(cd "$a/out" && find . | sort | tr '\n' ' ')" = ". ./t ./t/good ./t/good/labs ./t/good/labs/ok.c ./t/good/link ./t/good/link/$MARK ./z ./z/good ./z/good/ok.c " ]
	[ ! -L "$a/out/t/good/link" ]
	[ -z "$(find "$a" /tmp -maxdepth 2 -name "$MARK" 2>/dev/null)" ]
}

@test "input: .github/classroom/autograding.json is what 'make classroom' generates from the labs" {
	run tests/bin/class classroom
	[ "$status" = 0 ]
	diff <(echo "$output") .github/classroom/autograding.json
	python3 -c 'import json, sys
tests = json.load(open(".github/classroom/autograding.json"))["tests"]
assert all(t["run"] == "sudo make check-lab" + t["name"][3:5] and t["points"] == 10 for t in tests)'
}
