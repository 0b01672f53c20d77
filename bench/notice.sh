#!/usr/bin/env bash
# bench/notice.sh - time the whole-notice reader (outage_notice_windows()).
#
#   bash bench/notice.sh          the reader alone (bench/notice_bench.c), on
#                                 the notice of 2025-01-30 (11 kB) and on
#                                 bench/notice_10k.ja.txt (10 kB of later
#                                 styles: portal lists, 計画停止, NTT notes)
#   bash bench/notice.sh --sql    the same, then per call inside a server
#                                 (builds, installs, throwaway cluster)
#
# OW_BENCH_ROWS (default 2000 reads a run) and OW_BENCH_RUNS (default 7)
# size the runs; figures are medians over the runs.  --sql installs the
# extension: on a machine shared with other builds, set OW_PG_BIN to a
# private installation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/bench/results"
out=$root/bench/results/notice_bench
rows=${OW_BENCH_ROWS:-2000}
runs=${OW_BENCH_RUNS:-7}
icu=$(pkg-config --cflags --libs icu-uc icu-i18n)
letter=$root/test/fixtures/notice-2025-01-30-network-renewal.ja.md
later=$root/bench/notice_10k.ja.txt

echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), ICU $(pkg-config --modversion icu-uc), $(date -u +%F)"
# shellcheck disable=SC2086
gcc -std=gnu99 -Wall -Wextra -O2 -I"$root/src" -o "$out" "$root/bench/notice_bench.c" \
	"$root/src/notice_parse.c" "$root/src/wareki_parse.c" "$root/src/prefecture_names.c" $icu
echo
echo "The reader alone, $rows reads x $runs runs (microseconds per notice):"
echo
echo "| notice | size | windows | median us | min | max |"
echo "|---|---:|---:|---:|---:|---:|"
"$out" -n "$rows" -r "$runs" "$letter" 2025-01-30
"$out" -n "$rows" -r "$runs" "$later" 2027-03-01

if [ "${1:-}" = "--sql" ]; then
	source "$root/scripts/lib.sh"
	ow_ensure_build_packages
	ow_build_install
	ow_start_cluster
	echo
	echo "Inside the server (PostgreSQL $(psql -X -At -c 'SHOW server_version')), $rows calls x $runs runs:"
	psql -X -q -v rows="$rows" -v runs="$runs" -v letter="$(cat "$letter")" \
		-v later="$(cat "$later")" -f "$root/bench/notice.sql"
fi
