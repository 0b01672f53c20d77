#!/usr/bin/env bash
# test/scenarios/orca_encodings.sh - the ORCA reports give the same answer
# in a UTF8 database and in an EUC_JP database with C collation (classic
# ORCA's default).
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set).
# 1. pgTAP: test/orca.sql (the per-visit checks on the ORCA fixture) in an
#    EUC_JP database; scripts/test.sh already runs it in a UTF8 one.
# 2. Loads the fixture into a UTF8 database before creating the extension
#    (in its own schema) and into an EUC_JP database after creating it (in
#    public), and compares the reports' full output, byte for byte, as
#    UTF-8 text.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists ow_orca_euc_jp; dropdb --if-exists ow_orca_utf8' EXIT

# The fixture and the test files are UTF-8.
export PGCLIENTENCODING=UTF8

q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

createdb -E EUC_JP --locale=C -T template0 ow_orca_euc_jp
createdb -E UTF8 --locale=C.UTF-8 -T template0 ow_orca_utf8
[ "$(q -d ow_orca_euc_jp -c 'SELECT getdatabaseencoding()')" = EUC_JP ]

q -d ow_orca_euc_jp -c 'CREATE EXTENSION pgtap'
PGDATABASE=ow_orca_euc_jp pg_prove "$root/test/orca.sql"

# $1 database, $2 "before" to load ORCA's tables before the extension
# (into schema ow, as doc/orca.md suggests) or "after" to create the
# extension first (into public).
report() {
	local db=$1 ext
	if [ "$2" = before ]; then
		q -d "$db" -f "$root/test/fixtures/orca_fixture.sql"
		q -d "$db" -c 'CREATE SCHEMA ow' -c 'CREATE EXTENSION outage_window SCHEMA ow'
		ext=ow
	else
		q -d "$db" -c 'CREATE EXTENSION outage_window'
		q -d "$db" -f "$root/test/fixtures/orca_fixture.sql"
		ext=public
	fi
	q -d "$db" -v ext="$ext" <<'SQL'
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET search_path = public;
SELECT 'review', r.* FROM :"ext".orca_eligibility_review('orca', 'ja') r;
SELECT 'review_en', r.* FROM :"ext".orca_eligibility_review('orca', 'en') r;
SELECT 'affected', a.* FROM :"ext".orca_affected_visits('orca') a;
SELECT 'window', w.* FROM :"ext".orca_window_visits('orca') w;
SELECT 'audit', b.* FROM :"ext".orca_billing_audit('orca') b;
SQL
}

report ow_orca_utf8 before >"$work/utf8.txt"
report ow_orca_euc_jp after >"$work/euc_jp.txt"
if ! diff -u "$work/utf8.txt" "$work/euc_jp.txt"; then
	echo "orca_encodings: the reports differ between UTF8 and EUC_JP" >&2
	exit 1
fi
rows=$(wc -l <"$work/utf8.txt")
# review (ja, en), affected visits, visits in a window, bills
[ "$rows" -eq $((30 + 30 + 33 + 40 + 10)) ] || {
	echo "orca_encodings: expected 143 report lines, got $rows" >&2
	exit 1
}
echo "orca_encodings: pgTAP passed in EUC_JP; $rows report lines identical in UTF8 and EUC_JP"
