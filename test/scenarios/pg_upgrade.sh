#!/usr/bin/env bash
# test/scenarios/pg_upgrade.sh - pg_upgrade keeps columns and indexes of both
# types readable, and the schedule as the users left it.
#
# Run by scripts/test.sh (it needs the PostgreSQL binaries on PATH and the
# extension installed; it starts its own two clusters and does not use the
# test cluster).  pg_upgrade copies the data files as they are, so this
# checks that the binary layout README.md documents ("Binary layout") is
# what the new cluster reads: an old cluster gets a table of prefectures and
# windows with btree, hash and GiST indexes, plus edits to the schedule;
# after pg_upgrade the same queries (through each index too) give the same
# rows, and amcheck finds the btree indexes sound.  Both clusters use the
# same PostgreSQL binaries, those of the version under test (OW_PG_MAJOR).
set -euo pipefail

# OW_SERVER_BINDIR: see scripts/lib.sh (sanitizer and valgrind runs).
bin=${OW_SERVER_BINDIR:-$(pg_config --bindir)}
work=$(mktemp -d /tmp/ow-upgrade.XXXXXX)
chmod 755 "$work"
if [ "$(id -u)" -eq 0 ]; then
	chown postgres "$work"
	# from $work, which postgres owns, whatever the caller's directory
	as_owner() { (cd "$work" && runuser -u postgres -- "$@"); }
	owner=postgres
else
	as_owner() { "$@"; }
	owner=$(id -un)
fi
old_port=54331
new_port=54332
cleanup() {
	for c in old new; do
		[ -f "$work/$c/postmaster.pid" ] &&
			as_owner "$bin/pg_ctl" -D "$work/$c" -m immediate -s stop >/dev/null 2>&1
	done
	rm -rf "$work"
}
trap cleanup EXIT

start() { # cluster port
	as_owner "$bin/pg_ctl" -D "$work/$1" -w -s -t 300 -l "$work/$1.log" \
		-o "-c listen_addresses='' -c unix_socket_directories='$work' -p $2" start
}
q() { # port, psql args
	local port=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -At -h "$work" -p "$port" -U "$owner" -d ow_upgrade "$@"
}

for c in old new; do
	as_owner "$(pg_config --bindir)/initdb" -D "$work/$c" -U "$owner" --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >"$work/initdb-$c.log" 2>&1
done

start old $old_port
psql -X -q -h "$work" -p $old_port -U "$owner" -d postgres -c 'CREATE DATABASE ow_upgrade'
q $old_port <<'SQL'
CREATE EXTENSION outage_window;
CREATE EXTENSION amcheck;
CREATE TABLE visit (
	id integer PRIMARY KEY,
	pref prefecture NOT NULL,
	w outage_window NOT NULL
);
INSERT INTO visit
SELECT g, (1 + g % 47)::prefecture,
	   outage_window(timestamptz '2025-02-01 00:00+09' + g * interval '17 minutes',
					 timestamptz '2025-02-01 00:00+09' + g * interval '17 minutes' + (1 + g % 300) * interval '1 minute',
					 (ARRAY['outage', 'intermittent', 'registration_delay'])[1 + g % 3])
FROM generate_series(1, 5000) AS g;
INSERT INTO visit VALUES
	(0, '沖縄県', outage_window('-infinity', '2025-01-01 00:00+09', 'outage')),
	(-1, '北海道', outage_window('2025-01-01 00:00+09', 'infinity', 'registration_delay'));
CREATE INDEX visit_pref ON visit (pref);
CREATE INDEX visit_pref_hash ON visit USING hash (pref);
CREATE INDEX visit_w ON visit (w);
CREATE INDEX visit_w_gist ON visit USING gist (w);
INSERT INTO outage_schedule (area, period, note)
VALUES ('west', '[2025-02-13 11:06, 2025-02-13 11:35) outage', 'user window');
DELETE FROM outage_schedule WHERE id = 3;
UPDATE prefecture_area SET area = 'east' WHERE prefecture = '大阪府';
SQL

snapshot() { # port
	q "$1" <<'SQL'
SELECT 'rows', count(*), sum(id), string_agg(DISTINCT pref::text, ',' ORDER BY pref::text) FROM visit;
SELECT 'text', md5(string_agg(id || ' ' || pref || ' ' || w, ';' ORDER BY id)) FROM visit;
SELECT 'binary', md5(string_agg(prefecture_send(pref) || outage_window_send(w), '' ORDER BY id)) FROM visit;
SELECT 'edge', id, pref, w FROM visit WHERE id <= 0 ORDER BY id;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT 'btree pref', count(*) FROM visit WHERE pref = '東京都';
SELECT 'btree w', count(*), min(id), max(id) FROM visit WHERE w >= '[2025-02-20 00:00, 2025-02-20 01:00) outage';
SELECT 'gist', count(*), sum(id) FROM visit WHERE w && '[2025-02-10 00:00, 2025-02-11 00:00)';
SELECT 'gist ts', count(*) FROM visit WHERE w @> timestamptz '2025-02-15 12:00+09';
SET enable_bitmapscan = on;
SELECT 'hash', count(*) FROM visit WHERE pref = '大阪府';
RESET enable_seqscan;
SELECT 'schedule', id, area, period FROM outage_schedule ORDER BY id;
SELECT 'areas', string_agg(prefecture || '=' || area, ',' ORDER BY prefecture) FROM prefecture_area;
SELECT 'impact', eligibility_impact('大阪府', timestamptz '2025-02-01 23:00+09'),
	   eligibility_impact('京都府', timestamptz '2025-02-02 07:30+09'),
	   eligibility_impact('東京都', timestamptz '2025-02-13 11:10+09'),
	   eligibility_impact('京都府', timestamptz '2025-02-13 11:10+09');
SELECT 'amcheck', count(*) FROM (
	SELECT bt_index_check(c.oid, true) FROM pg_class c
	WHERE c.relname IN ('visit_pref', 'visit_w', 'visit_pkey')) AS s;
SQL
}

snapshot $old_port >"$work/before.txt"
as_owner "$bin/pg_ctl" -D "$work/old" -m fast -s stop

(cd "$work" && as_owner "$bin/pg_upgrade" -b "$bin" -B "$bin" -d "$work/old" -D "$work/new" \
	-U "$owner" -p $old_port -P $new_port -s "$work" >"$work/pg_upgrade.log" 2>&1) || {
	cat "$work/pg_upgrade.log"
	find "$work/new" -name 'pg_upgrade_dump_*.log' -exec tail -n 40 {} + 2>/dev/null
	echo "not ok - pg_upgrade failed"
	exit 1
}
echo "ok - pg_upgrade of a cluster using both types"

start new $new_port
snapshot $new_port >"$work/after.txt"

rc=0
if [ "$(grep -c . "$work/before.txt")" -ge 15 ] && diff -u "$work/before.txt" "$work/after.txt"; then
	echo "ok - after pg_upgrade both types read back the same, through every index"
else
	echo "not ok - the upgraded cluster reads differently"
	rc=1
fi
exit $rc
