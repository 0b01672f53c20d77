#!/usr/bin/env bash
# scripts/tz_matrix.sh - rerun the pg_regress and pgTAP suites under other
# session TimeZone and DateStyle settings; exit non-zero on any difference.
#
# Why: no answer of the extension may depend on the session's TimeZone or
# DateStyle, and every test must set what it prints.  The suites normally
# run under pg_regress's own choice (it exports PGTZ=PST8PDT and
# PGDATESTYLE="Postgres, MDY" for every psql it starts), so a dependence
# could hide behind that one setting.
#
# How the setting is forced: libpq sends PGTZ and PGDATESTYLE in the startup
# packet, where they beat ALTER DATABASE, postgresql.conf and even PGOPTIONS
# (processed before them).  So pg_regress is pointed (--bindir, given last
# through EXTRA_REGRESS_OPTS) at a psql wrapper that exports our values and
# execs the real psql.  Each run first proves it: the wrapper must have been
# used, and the server must report the intended TimeZone and DateStyle.
#
# Runs every TimeZone (UTC, Asia/Tokyo, America/Los_Angeles, Pacific/Chatham)
# with every DateStyle output format (ISO, SQL, Postgres, German) and every
# field order (MDY, DMY, YMD): 12 runs, each DateStyle once, the time zones
# in turn.  OW_TZ_ALL=1 runs all 48 pairs; OW_TZ_PAIRS="zone|style;..."
# runs the pairs given, e.g. OW_TZ_PAIRS="Pacific/Chatham|German, YMD".  Takes about 3 minutes (12 runs).
#
# It installs the extension: run it under the install lock,
#   flock /tmp/ow-install.lock bash scripts/tz_matrix.sh
# scripts/test.sh runs two hard pairs of it in CI, against test.sh's cluster
# and build (OW_TZ_USE_CLUSTER=1 and OW_NO_INSTALL=1: no build, no cluster of
# its own; the PG* variables name the server).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

zones=(UTC Asia/Tokyo America/Los_Angeles Pacific/Chatham)
styles=()
for f in ISO SQL Postgres German; do
	for o in MDY DMY YMD; do
		styles+=("$f, $o")
	done
done

ow_ensure_test_packages
[ -n "${OW_NO_INSTALL:-}" ] || ow_build_install
own_cluster=
if [ -z "${OW_TZ_USE_CLUSTER:-}" ]; then
	ow_start_cluster
	own_cluster=1
fi

wrap=$(mktemp -d /tmp/ow-tzwrap.XXXXXX)
chmod 755 "$wrap"
tapdb=ow_tap_tz
cleanup() {
	rm -rf "$wrap"
	if [ -n "$own_cluster" ]; then ow_stop_cluster; else dropdb --if-exists "$tapdb"; fi
}
trap cleanup EXIT
cat >"$wrap/psql" <<WRAP
#!/bin/sh
# psql for pg_regress: our TimeZone and DateStyle, not pg_regress's.
echo run >>"$wrap/calls"
PGTZ=\$OW_MATRIX_TZ PGDATESTYLE=\$OW_MATRIX_DATESTYLE
export PGTZ PGDATESTYLE
exec "$OW_PG_BIN/psql" "\$@"
WRAP
chmod 755 "$wrap/psql"

createdb "$tapdb"
psql -X -q -d "$tapdb" -c 'CREATE EXTENSION pgtap' >/dev/null

pairs=()
if [ -n "${OW_TZ_PAIRS:-}" ]; then
	IFS=';' read -r -a pairs <<<"$OW_TZ_PAIRS"
elif [ -n "${OW_TZ_ALL:-}" ]; then
	for z in "${zones[@]}"; do
		for s in "${styles[@]}"; do pairs+=("$z|$s"); done
	done
else
	i=0
	for s in "${styles[@]}"; do
		pairs+=("${zones[$((i % ${#zones[@]}))]}|$s")
		i=$((i + 1))
	done
fi

passed=0
failed=0
for pair in "${pairs[@]}"; do
	export OW_MATRIX_TZ=${pair%%|*} OW_MATRIX_DATESTYLE=${pair#*|}
	label="TimeZone=$OW_MATRIX_TZ DateStyle='$OW_MATRIX_DATESTYLE'"
	rm -f "$wrap/calls"

	# the setting takes effect: what the server says through the wrapper
	seen=$("$wrap/psql" -X -At -d postgres -c 'SHOW TimeZone' -c 'SHOW DateStyle' | paste -sd '|')
	want="$OW_MATRIX_TZ|$OW_MATRIX_DATESTYLE"
	if [ "$seen" != "$want" ]; then
		echo "not ok - $label: the server reports '$seen'"
		failed=$((failed + 1))
		continue
	fi

	ok=1
	if ! make -C "$OW_ROOT" -s PG_CONFIG="$OW_PG_BIN/pg_config" installcheck \
		EXTRA_REGRESS_OPTS="--bindir=$wrap" >"$wrap/regress.log" 2>&1; then
		cat "$wrap/regress.log"
		[ -f "$OW_ROOT/regression.diffs" ] && cat "$OW_ROOT/regression.diffs"
		ok=0
	fi
	# pg_regress ran its psql through the wrapper (one call was ours)
	calls=$(wc -l <"$wrap/calls")
	if [ "$calls" -lt 3 ]; then
		echo "pg_regress did not use the wrapper ($calls calls)"
		ok=0
	fi
	if ! PGTZ=$OW_MATRIX_TZ PGDATESTYLE=$OW_MATRIX_DATESTYLE PGDATABASE=$tapdb \
		pg_prove --ext .sql -f "$OW_ROOT/test/" >"$wrap/tap.log" 2>&1; then
		cat "$wrap/tap.log"
		ok=0
	fi
	if [ $ok -eq 1 ]; then
		echo "ok - $label: pg_regress ($((calls - 1)) psql runs) and pgTAP pass"
		passed=$((passed + 1))
	else
		echo "not ok - $label"
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
