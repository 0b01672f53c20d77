#!/usr/bin/env bash
# scripts/fuzz.sh - build every fuzz driver with libFuzzer, ASan and UBSan,
# and fuzz each parser for a while; exit non-zero on any crash.
#
# Why: the parsers (src/*_parse.c) read untrusted client text before any
# PostgreSQL code sees it, so a crash there is a server crash.  They are
# plain C, so they are fuzzed here without a server.
#
# Every fuzz/NAME_fuzz.c is a driver: it defines LLVMFuzzerTestOneInput()
# and is linked with src/NAME.c, plus the files listed on an
# "OW_FUZZ_SOURCES:" line and the pkg-config packages on an
# "OW_FUZZ_PKGCONFIG:" line of the driver, if it has them.  A new driver
# joins by being added; nothing here names a parser.
#
# Each run first replays fuzz/regressions/NAME/* (inputs that once crashed,
# kept as regression tests) and starts from the seeds in fuzz/seeds/NAME/.
#
# Usage:
#   bash scripts/fuzz.sh              # 25 s per driver (what CI runs)
#   bash scripts/fuzz.sh 600          # 600 s per driver
#   OW_FUZZ_RUNS=10000000 bash scripts/fuzz.sh   # a fixed number of runs
#   OW_FUZZ_ONLY=prefecture_parse bash scripts/fuzz.sh
# Crashing inputs are copied to fuzz/crashes/ (not committed; add them to
# fuzz/regressions/NAME/ once the bug is fixed).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

seconds=${1:-25}
runs=${OW_FUZZ_RUNS:--1}
only=${OW_FUZZ_ONLY:-}

# Debian bookworm: clang-14 has -fsanitize=fuzzer once libclang-rt-14-dev
# (its compiler-rt) is installed.
ow_ensure_packages clang libclang-rt-14-dev pkg-config libicu-dev
cc=${OW_FUZZ_CC:-clang}

work=$(mktemp -d /tmp/ow-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The value of a "KEY:" line in a driver's header comment, or nothing.
header_value() {
	sed -n "s/^ \* $2:[[:space:]]*//p" "$1" | head -n 1
}

build() {
	local driver=$1 name=$2 out=$3 srcs pkgs flags=()
	srcs="src/$name.c $(header_value "$driver" OW_FUZZ_SOURCES)"
	pkgs=$(header_value "$driver" OW_FUZZ_PKGCONFIG)
	[ -n "$pkgs" ] && read -r -a flags <<<"$(pkg-config --cflags --libs $pkgs)"
	# shellcheck disable=SC2086
	(cd "$OW_ROOT" && "$cc" -g -O1 -fno-omit-frame-pointer \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Isrc "$driver" $srcs "${flags[@]}" -o "$out")
}

total=0
failed=0
for driver in "$OW_ROOT"/fuzz/*_fuzz.c; do
	[ -e "$driver" ] || continue
	name=$(basename "$driver" _fuzz.c)
	[ -n "$only" ] && [ "$only" != "$name" ] && continue
	total=$((total + 1))
	bin=$work/$name
	ow_log "fuzz $name: building"
	if ! build "$driver" "$name" "$bin"; then
		ow_log "FAILED: fuzz $name does not build"
		failed=$((failed + 1))
		continue
	fi
	corpus=$work/$name.corpus
	mkdir -p "$corpus" "$work/$name.artifacts"
	[ -d "$OW_ROOT/fuzz/seeds/$name" ] && cp "$OW_ROOT/fuzz/seeds/$name"/* "$corpus"/ 2>/dev/null || true

	export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

	# old crashes first: each file is run once
	if [ -d "$OW_ROOT/fuzz/regressions/$name" ] &&
		[ -n "$(ls -A "$OW_ROOT/fuzz/regressions/$name")" ]; then
		if "$bin" "$OW_ROOT/fuzz/regressions/$name"/* >"$work/$name.replay.log" 2>&1; then
			echo "ok - $name: $(ls "$OW_ROOT/fuzz/regressions/$name" | wc -l) regression inputs replayed"
		else
			tail -n 40 "$work/$name.replay.log"
			echo "not ok - $name: a regression input crashes again"
			failed=$((failed + 1))
			continue
		fi
	fi

	ow_log "fuzz $name: $([ "$runs" -ge 0 ] && echo "$runs runs" || echo "$seconds s")"
	start=$(date +%s)
	if "$bin" -max_len=1024 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$work/$name.artifacts/" \
		$([ "$runs" -ge 0 ] && echo "-runs=$runs" || echo "-max_total_time=$seconds") \
		"$corpus" >"$work/$name.log" 2>&1; then
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
		cov=$(grep -o 'cov: [0-9]*' "$work/$name.log" | tail -n 1)
		echo "ok - $name: $execs executions in $(($(date +%s) - start)) s, $cov, corpus $(ls "$corpus" | wc -l) inputs, no crash"
	else
		tail -n 60 "$work/$name.log"
		mkdir -p "$OW_ROOT/fuzz/crashes"
		cp "$work/$name.artifacts"/* "$OW_ROOT/fuzz/crashes/" 2>/dev/null || true
		echo "not ok - $name crashed; input saved in fuzz/crashes/"
		failed=$((failed + 1))
	fi
done

[ "$total" -gt 0 ] || ow_die "no fuzz drivers in fuzz/"
echo "$((total - failed)) of $total fuzz drivers clean"
[ "$failed" -eq 0 ]
