#!/usr/bin/env bash
# test/scenarios/binary_copy.sh - COPY ... (FORMAT binary) of the types
# round-trips, through the client (\copy) as a client tool would use it.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set).
# A table holding all 47 prefectures, windows of every kind, including
# infinite bounds and microsecond edges, and codes of every kind and the
# lowest and highest, is copied out in binary and back
# into an empty table; the two must hold the same rows, and the file must be
# the binary format (its signature) of exactly those rows.
set -euo pipefail

db=ow_binary_copy
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db"' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

createdb "$db"
q <<'SQL'
CREATE EXTENSION outage_window;
CREATE TABLE src (id integer, p prefecture, w outage_window, c medical_institution_code);
INSERT INTO src
SELECT g, g::prefecture,
	   outage_window(timestamptz '2025-02-01 22:00+09' + g * interval '1 hour 1 microsecond',
					 timestamptz '2025-02-02 00:30+09' + g * interval '1 hour',
					 (ARRAY['outage', 'intermittent', 'registration_delay'])[1 + g % 3]),
	   (lpad(g::text, 2, '0') || (ARRAY[0, 1, 3, 4, 5, 6])[1 + g % 6] || lpad((g * 104729)::text, 7, '0'))::medical_institution_code
FROM generate_series(1, 47) AS g;
INSERT INTO src VALUES
	(48, '沖縄県', '[-infinity,2025-01-01 00:00+09) outage', '4769999999'),
	(49, '北海道', '[2025-01-01 00:00+09,infinity) registration_delay', '0100000000'),
	(50, NULL, NULL, NULL);
CREATE TABLE dst (LIKE src);
SQL
q -c "\\copy src TO '$work/src.bin' (FORMAT binary)"
q -c "\\copy dst FROM '$work/src.bin' (FORMAT binary)"

rc=0
diff_rows=$(q -c "SELECT count(*) FROM ((TABLE src EXCEPT ALL TABLE dst) UNION ALL (TABLE dst EXCEPT ALL TABLE src)) AS d")
rows=$(q -c 'SELECT count(*) FROM dst')
if [ "$diff_rows" = 0 ] && [ "$rows" = 50 ]; then
	echo "ok - binary COPY of prefecture, outage_window and medical_institution_code round-trips ($rows rows)"
else
	echo "not ok - binary COPY: $rows rows back, $diff_rows differ"
	rc=1
fi
if [ "$(head -c 11 "$work/src.bin" | od -An -c | tr -d ' \n')" = 'PGCOPY\n377\r\n\0' ]; then
	echo "ok - the file is in the binary COPY format"
else
	echo "not ok - the file is not binary COPY"
	rc=1
fi
exit $rc
