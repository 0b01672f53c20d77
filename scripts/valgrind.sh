#!/usr/bin/env bash
# scripts/valgrind.sh - run the whole test suite with the server under
# valgrind (memcheck); exit non-zero on any failure or any valgrind error.
#
# Why: the sanitizer run (scripts/sanitize.sh) needs an instrumented build;
# valgrind checks the build that ships, and also catches use of
# uninitialised values (a compiled schedule, a parsed literal) that ASan
# does not look for.
#
# How: the normal build is installed; the server is started through a
# wrapper (OW_SERVER_BINDIR, scripts/lib.sh) that runs postgres under
#   valgrind --trace-children=yes --suppressions=scripts/valgrind.supp
# with one log per process.  Then scripts/test.sh runs without its own build
# and fuzz pass, with smaller data for the heavy tests (the concurrency
# report over 100,000 visits, pgbench for 10 s, no rerun under other time
# zones, and without the GiST pg_regress test unless OW_VALGRIND_ALL=1);
# every log must
# be free of reports ("ERROR SUMMARY: 0 errors" where it has a summary).  valgrind.supp says which reports are
# suppressed and why (PostgreSQL's known false positives only).
#
# Very slow (tens of minutes), so run by hand, under the install lock:
#   flock /tmp/ow-install.lock bash scripts/valgrind.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ow_ensure_test_packages
ow_ensure_packages valgrind
ow_build_install

logs=$(mktemp -d /tmp/ow-valgrind-logs.XXXXXX)
chmod 777 "$logs"
supp=$(mktemp /tmp/ow-valgrind-supp.XXXXXX)
cp "$OW_ROOT/scripts/valgrind.supp" "$supp"
chmod 644 "$supp"
serverbin=$(ow_make_server_bindir valgrind --trace-children=yes --track-origins=yes \
	--num-callers=30 --leak-check=no --error-limit=no --gen-suppressions=all \
	--suppressions="$supp" --log-file="$logs/vg.%p.log")
trap 'rm -rf "$serverbin" "$supp"' EXIT

# outage_window_gist alone would take over ten minutes under valgrind (it
# builds and scans 100,000-row GiST indexes); OW_VALGRIND_ALL=1 keeps it.
regress=
if [ -z "${OW_VALGRIND_ALL:-}" ]; then
	regress=$(cd "$OW_ROOT/sql" && ls *.sql | sed 's/[.]sql$//' | grep -vx outage_window_gist | tr '\n' ' ')
	ow_log "pg_regress without outage_window_gist (OW_VALGRIND_ALL=1 to include it)"
fi

start=$(date +%s)
rc=0
OW_REGRESS=$regress OW_TZ_CI_PAIRS= OW_SERVER_BINDIR=$serverbin OW_START_TIMEOUT=300 OW_NO_INSTALL=1 OW_FUZZ_SECONDS=0 OW_PG_MATRIX=0 OW_DEB_STAGE=0 \
	OW_CONC_VISITS=${OW_CONC_VISITS:-100000} OW_PGBENCH_SECONDS=${OW_PGBENCH_SECONDS:-10} \
	bash "$OW_ROOT/scripts/test.sh" || rc=1
ow_log "suite under valgrind took $(($(date +%s) - start)) s"

processes=$(find "$logs" -name 'vg.*.log' | wc -l)
# a process that ends by _exit() (a child at immediate shutdown) writes no
# summary, so look for the reports themselves too
bad=$(grep -lE 'ERROR SUMMARY: [1-9]|^==[0-9]+== (Invalid|Conditional jump|Use of uninitialised|Syscall param|Mismatched|Source and destination)' \
	"$logs"/vg.*.log 2>/dev/null || true)
if [ "$processes" -eq 0 ]; then
	echo "not ok - no valgrind log: the server did not run under valgrind"
	rc=1
elif [ -n "$bad" ]; then
	for f in $bad; do
		echo "== $f"
		cat "$f"
	done
	echo "not ok - valgrind errors in $(wc -l <<<"$bad") of $processes processes"
	rc=1
else
	echo "ok - valgrind: $processes server processes, 0 errors"
fi
# keep the logs of a failed run for a look
if [ $rc -eq 0 ]; then rm -rf "$logs"; else ow_log "valgrind logs kept in $logs"; fi
exit $rc
