#!/usr/bin/env bats
# lab22-safety: untrusted input on a process boundary. A file name that
# reaches /bin/sh runs commands; a frame whose lengths lie makes a trusting
# decoder read and write past its buffers. The exercise tests never trust
# the lab's own output: test drivers (tests/drivers/lab22-safety/) call
# run_tool with a tool of their own that records its arguments, count calls
# of system() and popen(), and decode frames placed right before guard pages.

load helpers

# fed FILE PROG [ARG...]: like wb_run, with FILE on standard input.
fed() {
	local in=$1 exe=$WB_BIN/$WB_LAB/$2
	shift 2
	WB_LAST="$exe $* < frame" WB_LIMIT=5 status=0
	timeout -k 2 5 "${WB_JAIL[@]:0:3}" $(wb_data_cap "$WB_BIN") -- "$exe" "$@" \
		<"$in" >"$BATS_TEST_TMPDIR/stdout" 2>"$BATS_TEST_TMPDIR/stderr" 3>&- ||
		status=$?
	output=$(<"$BATS_TEST_TMPDIR/stdout")
	stderr=$(<"$BATS_TEST_TMPDIR/stderr")
}

# frame HEX: writes the bytes HEX (pairs of hex digits) to a file, prints
# its name.
frame() {
	local f=$BATS_TEST_TMPDIR/frame.$RANDOM$RANDOM
	# shellcheck disable=SC2059 # the format is the bytes, as \xNN escapes
	printf "$(sed 's/../\\x&/g' <<<"$1")" >"$f"
	echo "$f"
}

@test "demo: inject runs wc on 4 names and counts those that ran a command of their own" {
	wb_run inject
	wb_status 0
	wb_stdout_has 'name "notes.txt; touch PWNED":'
	grep -Eq '^[0-3] of 4 names ran a command of their own' <<<"$output" ||
		{ wb_explain; return 1; }
	wb_run inject --name 2
	wb_status 0
	wb_stdout_has "run on 1 name(s)"
	grep -Eq '^[01] of 1 names ran a command of their own' <<<"$output" ||
		{ wb_explain; return 1; }
}

@test "demo: frames shows a frame whose header claims 36 bytes of body when 12 bytes came" {
	wb_run frames
	wb_status 0
	wb_stdout_has "alice's frame, 38 bytes: decoded"
	wb_stdout_has "the next frame, 12 bytes: its header says the body is 36 bytes, its item 30"
	[[ $output == *"rejected: "* || $output == *"bytes never arrived"* ]] ||
		{ wb_explain; return 1; }
}

@test "input: --help describes every option and exits 0" {
	wb_run inject --help
	wb_status 0
	wb_stdout_has "PWNED"
	wb_stdout_has "--name"
	wb_run frames --help
	wb_status 0
	wb_stdout_has "--stdin"
}

@test "input: bad options are refused with exit 2 and one line naming the option" {
	local rows=("--stdin" "--names 3" "notes.txt" "--name 5")
	wb_bad_int rows --name
	wb_bad_input inject "${rows[@]}"
	wb_bad_input frames "--stdin=1" "--csv" "--stdin --stdin"
}

# weight: 3
@test "exercise: run_tool gives the tool each of 17 names (shell payloads among them) as one argument, byte for byte, and no payload makes a file" {
	wb_driver shell payloads
}

# weight: 1
@test "exercise: run_tool hands back the tool's exit status, leaves no child, and never calls system() or popen()" {
	wb_driver shell status
}

# weight: 3
@test "exercise: frame_decode rejects 21 lying frames with a reason, touching no byte past the input or its struct, and decodes valid frames exactly" {
	wb_driver badframes
}

# weight: 2
@test "exercise: the fuzz target runs the seed frames, every cut of them and 50000 mutations: the decoder never crashes and agrees with the format" {
	wb_driver fuzz 50000
}

# weight: 1
@test "exercise: frames --stdin rejects malformed frames with exit 2 and one line, and prints a valid one's items" {
	local row rows=(
		""                              # nothing
		"000000"                        # a header cut short
		"00001001"                      # a length above the limit
		"0000002400000001001e6869"      # the lying frame of the demo
		"00000004ffffffff"              # a count of -1
		"0000000a000f4240000478787878"  # a count of 1000000
		"000000080000000100ff6869"      # an item runs past the frame
	)
	for row in "${rows[@]}"; do
		fed "$(frame "$row")" frames --stdin
		if [ "$status" != 2 ] || [[ $stderr != "frames: frame rejected: "* ]] ||
			[[ $stderr == *$'\n'* ]]; then
			echo "frame $row: expected exit 2 and one line 'frames: frame rejected: ...'" >&2
			wb_explain
			return 1
		fi
	done
	fed "$(frame 00000009000000010003616263)" frames --stdin
	wb_status 0
	wb_stdout_has 'item 0, 3 bytes: "abc"'
}
