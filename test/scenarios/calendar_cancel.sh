#!/usr/bin/env bash
# test/scenarios/calendar_cancel.sh - statement_timeout stops an
# outage_calendar's text input inside the input function, not after it.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set).
# The input is about the slowest one the limits allow: 100,000 windows over
# 47 one-prefecture areas and nationwide, their bounds written with a time
# zone name (the slowest bounds to read), about 8 MB of text.  One
# uninterrupted parse is timed first (T, about 250 ms here).  Then the
# same parse runs with statement_timeout at T/10, and must fail with 57014
# in less than T/2.  Without the input function's own interrupt checks the
# timeout still fires, but only once the whole parse has returned, after T.
# The figures are relative to T measured in the same run, so a slow or busy
# machine moves both; a run where T is under 40 ms proves nothing, and
# fails rather than passing by luck.  The other paths (binary input, the
# aggregate's final step, compiling) take tens of milliseconds at the
# limits, too short to time a cancel in; they check for interrupts the
# same way.
set -euo pipefail

db=ow_calendar_cancel
trap 'dropdb --if-exists "$db"' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

createdb "$db"
q <<'SQL'
CREATE EXTENSION outage_window;
CREATE TABLE windows AS
SELECT CASE WHEN g % 48 = 47 THEN NULL ELSE 'a' || (g % 48 + 1) END AS area,
	   outage_window(timestamptz '2030-01-01 00:00+09' + g * interval '2 hours',
					 timestamptz '2030-01-01 01:00+09' + g * interval '2 hours',
					 (ARRAY['outage', 'intermittent', 'registration_delay'])[1 + g % 3]) AS period
FROM generate_series(0, 99999) AS g;
CREATE TABLE big AS
SELECT '{' || string_agg(entry, '; ') || '}' AS literal
FROM (SELECT CASE WHEN area IS NULL THEN '*' ELSE format('"%s"(%s)', area, substr(area, 2)) END
			 || ': ' || string_agg(format('[%s Asia/Tokyo,%s Asia/Tokyo) %s',
										  lower(period) AT TIME ZONE 'Asia/Tokyo',
										  upper(period) AT TIME ZONE 'Asia/Tokyo',
										  kind(period)), ', ') AS entry
	  FROM windows GROUP BY area) AS e;
SQL

# one run of $1, with statement_timeout $2 ms (0: none); prints its output,
# then "elapsed N" in ms as the server measured it
run() {
	psql -X -q -At -d "$db" 2>&1 <<SQL
SELECT clock_timestamp() AS t0 \\gset
SET statement_timeout = $2;
$1;
RESET statement_timeout;
SELECT 'elapsed ' || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000);
SQL
}

check() {
	local what=$1 query=$2 out full timeout elapsed
	out=$(run "$query" 0)
	full=$(sed -n 's/^elapsed //p' <<<"$out")
	[ "$(head -1 <<<"$out")" = t ] || { echo "$what: the uninterrupted run failed: $out" >&2; return 1; }
	[ "$full" -ge 40 ] || { echo "$what: one uninterrupted run took $full ms, too fast to tell" >&2; return 1; }
	timeout=$((full / 10))
	out=$(run "$query" "$timeout")
	grep -q 'canceling statement due to statement timeout' <<<"$out" ||
		{ echo "$what: no timeout error: $out" >&2; return 1; }
	elapsed=$(sed -n 's/^elapsed //p' <<<"$out")
	echo "$what: uninterrupted ${full} ms; statement_timeout ${timeout} ms answered after ${elapsed} ms"
	[ "$elapsed" -lt $((full / 2)) ] ||
		{ echo "$what: the timeout was not answered inside the call" >&2; return 1; }
}

check "text input" "SELECT literal::outage_calendar IS NOT NULL FROM big"
