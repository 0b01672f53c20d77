#!/usr/bin/env bash
# scripts/test.sh - run every test of outage_window; exit non-zero on any failure.
#
# Installs the Debian packages that are missing, builds and installs the
# extension, starts a throwaway cluster, then runs
#   0. a check that sql/docs_*.sql holds every SQL example of README.md and
#      doc/*.md as they are now (scripts/doc_examples.pl --check),
#   1. the pg_regress suites (sql/ + expected/) through "make installcheck",
#      the documents' examples among them,
#   2. the pgTAP suites (test/*.sql) through pg_prove,
#   3. pg_regress and pgTAP again under two hard TimeZone/DateStyle pairs
#      (scripts/tz_matrix.sh; OW_TZ_CI_PAIRS changes them, empty skips),
#   4. the scenario scripts (test/scenarios/*.sh) that need several sessions,
#      a dump and restore, a second database or a second cluster,
#   5. a short fuzz pass over every parser (scripts/fuzz.sh, no server;
#      OW_FUZZ_SECONDS per parser, 25 by default, 0 to skip; it installs
#      clang).
# Prints one closing line "N passed, N failed" counting the stages.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ow_ensure_test_packages
# scripts/sanitize.sh and scripts/valgrind.sh install their own build first
[ -n "${OW_NO_INSTALL:-}" ] || ow_build_install
ow_start_cluster

passed=0
failed=0
stage() {
	local name=$1
	shift
	ow_log "$name"
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		ow_log "FAILED: $name"
	fi
}

regress() {
	# OW_REGRESS: the pg_regress tests to run, when not all (valgrind.sh)
	if make -C "$OW_ROOT" -s PG_CONFIG="$OW_PG_BIN/pg_config" installcheck \
		${OW_REGRESS:+REGRESS="$OW_REGRESS"}; then
		return 0
	fi
	[ -f "$OW_ROOT/regression.diffs" ] && cat "$OW_ROOT/regression.diffs"
	return 1
}

tap() {
	createdb ow_tap
	psql -X -q -d ow_tap -c 'CREATE EXTENSION pgtap' >/dev/null
	PGDATABASE=ow_tap pg_prove --ext .sql -f "$OW_ROOT/test/"
}

# Answers must not depend on the session's TimeZone or DateStyle, and every
# test must set what it prints: rerun the suites where both differ most from
# pg_regress's own (PST8PDT, "Postgres, MDY").
tz_pairs() {
	OW_NO_INSTALL=1 OW_TZ_USE_CLUSTER=1 OW_TZ_PAIRS="$1" bash "$OW_ROOT/scripts/tz_matrix.sh"
}

scenarios() {
	local s rc=0
	for s in "$OW_ROOT"/test/scenarios/*.sh; do
		[ -e "$s" ] || continue
		ow_log "scenario $(basename "$s")"
		bash "$s" || { ow_log "scenario failed: $(basename "$s")"; rc=1; }
	done
	return $rc
}

stage "doc examples in step with README.md and doc/" perl "$OW_ROOT/scripts/doc_examples.pl" --check
stage "pg_regress suites" regress
stage "pgTAP suites" tap
tz_ci_pairs=${OW_TZ_CI_PAIRS-Pacific/Chatham|German, DMY;Asia/Tokyo|SQL, YMD}
if [ -n "$tz_ci_pairs" ]; then
	stage "suites under other time zones and DateStyles" tz_pairs "$tz_ci_pairs"
fi
stage "scenario scripts" scenarios
if [ "${OW_FUZZ_SECONDS:-25}" != 0 ]; then
	stage "fuzz pass (${OW_FUZZ_SECONDS:-25} s per parser)" bash "$OW_ROOT/scripts/fuzz.sh" "${OW_FUZZ_SECONDS:-25}"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
