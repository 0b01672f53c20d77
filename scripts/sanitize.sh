#!/usr/bin/env bash
# scripts/sanitize.sh - run the whole test suite against a build of the
# extension instrumented with AddressSanitizer and UndefinedBehaviorSanitizer;
# exit non-zero on any failure or any sanitizer report.
#
# Why: the pg_regress, pgTAP and scenario tests check answers; this run
# checks that computing them never reads or writes out of bounds (outside
# palloc'd chunks: PostgreSQL's memory contexts hide overruns inside them)
# and never hits undefined behaviour (overflow, bad shifts, misalignment).
#
# How: the extension is built with -fsanitize=address,undefined in a copy of
# the tree and installed.  The server itself is not instrumented, so the
# ASan runtime is preloaded into it (LD_PRELOAD, only for postgres, through
# the OW_SERVER_BINDIR wrapper of scripts/lib.sh), with a stub that lets an
# uninstrumented postgres start under it (scripts/asan_swift_demangle_stub.c)
# and leak detection off (the server frees at exit what it must).  Reports go to files under a log
# directory; UBSan stops at the first error.  First a check that the runtime
# really is in a backend together with the instrumented library, and that a
# deliberate fault there is reported (scripts/sanitizer_canary.c), then
# scripts/test.sh without its own build and fuzz pass.  At the end the
# normal build is installed again.
#
# Slow (several minutes), so run by hand, under the install lock:
#   flock /tmp/ow-install.lock bash scripts/sanitize.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ow_ensure_test_packages
asan=$(gcc -print-file-name=libasan.so)
[ -f "$asan" ] || ow_die "gcc's ASan runtime (libasan.so) is missing"
asan=$(readlink -f "$asan")

build=$(mktemp -d /tmp/ow-asan-build.XXXXXX)
logs=$(mktemp -d /tmp/ow-asan-logs.XXXXXX)
chmod 777 "$logs"
serverbin=
finish() {
	ow_log "installing the normal build again"
	ow_build_install || true
	rm -rf "$build" ${serverbin:+"$serverbin"}
}
trap finish EXIT

# The ASan runtime must be preloaded into the server.  An uninstrumented
# postgres hangs at startup under it (glibc's gettext lock, taken in
# bindtextdomain() by a library constructor, is released by the runtime's own
# start-up; see scripts/asan_swift_demangle_stub.c), unless a small stub is
# preloaded after it.  If the server still does not start, only UBSan, whose
# runtime needs no preloading, checks the server, and the run says so.
stub=$build/libow_asan_stub.so
gcc -shared -fPIC -O1 -o "$stub" "$OW_ROOT/scripts/asan_swift_demangle_stub.c"
chmod 755 "$build" && chmod 755 "$stub"
if timeout 20 env LD_PRELOAD="$asan $stub" ASAN_OPTIONS=detect_leaks=0 "$OW_PG_BIN/postgres" -V >/dev/null 2>&1; then
	mode="ASan+UBSan"
	cflags="-fsanitize=address,undefined"
	marker=__asan_report
	runtime=libasan
	preload=(LD_PRELOAD="$asan $stub")
else
	mode="UBSan only"
	cflags="-fsanitize=undefined"
	marker=__ubsan_handle
	runtime=libubsan
	preload=()
	ow_log "WARNING: postgres hangs at startup with the ASan runtime preloaded; running with UBSan only"
fi
cflags="$cflags -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1"
ow_log "building outage_window with $cflags"
tar -C "$OW_ROOT" --exclude=./.git --exclude=./results -cf - . | tar -C "$build" -xf -
make -C "$build" -s PG_CONFIG="$OW_PG_BIN/pg_config" clean >/dev/null
make -C "$build" -s PG_CONFIG="$OW_PG_BIN/pg_config" COPT="$cflags" all >/dev/null
ow_as_root make -C "$build" -s PG_CONFIG="$OW_PG_BIN/pg_config" COPT="$cflags" install >/dev/null
so="$("$OW_PG_BIN/pg_config" --pkglibdir)/outage_window.so"
grep -q "$marker" <(nm -D "$so") || ow_die "the installed $so is not instrumented"

serverbin=$(ow_make_server_bindir env ${preload[@]+"${preload[@]}"} \
	ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0:log_path=$logs/asan" \
	UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan")
export OW_SERVER_BINDIR=$serverbin

# The runtime and the instrumented library are both in a backend.
ow_start_cluster
loaded=$(psql -X -q -At -d postgres -c 'CREATE EXTENSION outage_window' -c "
	SELECT m ~ '$runtime' AND m ~ 'outage_window[.]so'
	FROM (SELECT pg_read_file('/proc/self/maps') AS m,
				 '東京'::prefecture, '[2025-02-01,2025-02-02)'::outage_window) AS s")
if [ "$loaded" = t ]; then
	echo "ok - a backend runs with the $runtime runtime and the instrumented outage_window.so"
else
	ow_die "the backend has no $runtime runtime or no outage_window.so loaded"
fi

# A fault in a backend is reported: a canary library built the same way
# overflows a heap block (or, under UBSan only, shifts too far) when loaded.
gcc $cflags -shared -fPIC -isystem "$("$OW_PG_BIN/pg_config" --includedir-server)" \
	-o "$build/sanitizer_canary.so" "$OW_ROOT/scripts/sanitizer_canary.c"
chmod 755 "$build/sanitizer_canary.so"
psql -X -q -d postgres -c "LOAD '$build/sanitizer_canary.so'" >/dev/null 2>&1 || true
if grep -qsE 'heap-buffer-overflow|shift exponent' "$logs"/*; then
	echo "ok - the canary's deliberate fault in a backend was reported ($mode)"
else
	ow_die "the canary's deliberate fault in a backend was not reported: this run could not catch one"
fi
rm -f "$logs"/*
ow_stop_cluster
trap finish EXIT

start=$(date +%s)
rc=0
OW_NO_INSTALL=1 OW_FUZZ_SECONDS=0 OW_PG_MATRIX=0 OW_DEB_STAGE=0 bash "$OW_ROOT/scripts/test.sh" || rc=1
ow_log "suite under $mode took $(($(date +%s) - start)) s"

reports=$(find "$logs" -type f | sort)
if [ -n "$reports" ]; then
	for f in $reports; do
		echo "== $f"
		cat "$f"
	done
	echo "not ok - $(wc -l <<<"$reports") sanitizer report files"
	rc=1
else
	echo "ok - $mode: no sanitizer report"
fi
rm -rf "$logs"
exit $rc
