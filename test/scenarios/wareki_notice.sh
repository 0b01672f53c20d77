#!/usr/bin/env bash
# test/scenarios/wareki_notice.sh - every window line of the notice file, as
# the file writes it, reads with outage_window_from_notice() to exactly the
# seeded window.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set).
# The notice is ../shared/reference/notice-2025-01-30-network-renewal.ja.md
# relative to the repository root (or to the main checkout of a git
# worktree; OW_NOTICE overrides both).  Its window lines, as it writes them,
# are also kept in test/fixtures/notice_window_lines.ja.txt, so that a
# checkout without the notice (CI's) still reads them; where the notice is
# at hand, the two must give the very same lines.  The window lines are
# those of the form "東日本エリア：令和…" / "西日本エリア：令和…"; the 日医
# part breaks its first window after "～", so a line ending in "～" is joined
# with the next non-blank line (a newline kept between, as a paste would
# have it).  The whole notice is kept too, as
# test/fixtures/notice-2025-01-30-network-renewal.ja.md, for sql/notice.sql
# (outage_notice_windows() reads it whole); it must equal the notice.
# Each line is matched with its seed by its start and end (rows 1-3), and
# the East's lines read as registration_delay must also give rows 4-5, the
# West's card-registration delay during the East's windows.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
rel=shared/reference/notice-2025-01-30-network-renewal.ja.md
notice=${OW_NOTICE:-$root/../$rel}
# a git worktree's root is not the main checkout's: look beside that too
if [ ! -r "$notice" ] && common=$(git -C "$root" rev-parse --git-common-dir 2>/dev/null); then
	common=$(cd "$root" && cd "$common/.." && pwd)
	[ -r "$common/../$rel" ] && notice=$common/../$rel
fi
excerpt=$root/test/fixtures/notice_window_lines.ja.txt

db=ow_wareki_notice
trap 'dropdb --if-exists "$db"' EXIT
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION outage_window' >/dev/null

# window lines, joined where the file breaks them, one per output record (NUL-separated)
extract() {
	awk '
		pending != "" {
			if ($0 ~ /^[[:space:]]*$/) { pending = pending "\n"; next }
			printf "%s\n%s%c", pending, $0, 0; pending = ""; next
		}
		/(東|西)日本エリア：(令和|平成|R)/ {
			if ($0 ~ /～[[:space:]]*$/) { pending = $0; next }
			printf "%s%c", $0, 0
		}
	' "$1"
}

fail=0
count=0
if [ -r "$notice" ]; then
	if cmp -s <(extract "$notice") <(extract "$excerpt"); then
		echo "ok - the fixture's window lines are the notice's, byte for byte"
	else
		echo "not ok - test/fixtures/notice_window_lines.ja.txt differs from the notice's window lines"
		fail=1
	fi
	# outage_notice_windows() reads the whole notice from its copy (sql/notice.sql)
	if cmp -s "$notice" "$root/test/fixtures/notice-2025-01-30-network-renewal.ja.md"; then
		echo "ok - test/fixtures/notice-2025-01-30-network-renewal.ja.md is the notice, byte for byte"
	else
		echo "not ok - test/fixtures/notice-2025-01-30-network-renewal.ja.md differs from the notice"
		fail=1
	fi
else
	echo "# the notice is not at $notice: reading its window lines from the fixture"
fi
while IFS= read -r -d '' line; do
	count=$((count + 1))
	# the seed with the same instants: its kind must match too
	result=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -v line="$line" <<'SQL'
SELECT string_agg(s.id || ':' || (w.k = s.period)::text, ',' ORDER BY s.id)
FROM (SELECT outage_window_from_notice(:'line', k.kind) AS k
      FROM unnest(ARRAY['outage', 'intermittent', 'registration_delay']) AS k(kind)) AS w,
     outage_schedule s
WHERE lower(s.period) = lower(w.k) AND upper(s.period) = upper(w.k)
  AND kind(s.period) = kind(w.k) AND s.id <= 5;
SQL
	) || { echo "not ok - could not read: $line"; fail=1; continue; }
	short=$(printf '%s' "$line" | tr '\n' ' ')
	case "$short" in
	東日本*)
		# an East window is the East's outage or intermittent seed, and the
		# West's registration delay
		if printf '%s' "$result" | grep -Eq '^[12]:true,[45]:true$'; then
			echo "ok - $short -> seeds $result"
		else
			echo "not ok - $short -> $result (expected an East seed and its registration delay)"
			fail=1
		fi
		;;
	*)
		if [ "$result" = "3:true" ]; then
			echo "ok - $short -> seed $result"
		else
			echo "not ok - $short -> $result (expected seed 3)"
			fail=1
		fi
		;;
	esac
done < <(extract "$excerpt")

# both parts of the notice state all three windows
if [ "$count" -ne 6 ]; then
	echo "not ok - found $count window lines in the notice, expected 6"
	fail=1
fi
exit $fail
