#!/usr/bin/env bash
# bench/wareki.sh - check and time the Japanese-era functions.
#
#   bash bench/wareki.sh                 parser/formatter alone: ICU cross-check
#                                        of every day 1868-2100, then ns per value
#   bash bench/wareki.sh --sql           the same, then per-value cost inside a
#                                        server (builds, installs, throwaway cluster)
#   bash bench/wareki.sh --asan          odd and random input under ASan/UBSan
#
# OW_BENCH_ROWS (default 1000000) and OW_BENCH_RUNS (default 7) size the runs.
# --sql installs the extension: on a machine shared with other builds, run it
# under the same lock as the tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/bench/results"
out=$root/bench/results/wareki_bench
rows=${OW_BENCH_ROWS:-1000000}
runs=${OW_BENCH_RUNS:-7}
srcs=("$root/bench/wareki_bench.c" "$root/src/wareki_parse.c")
icu=$(pkg-config --cflags --libs icu-uc icu-i18n)

echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), ICU $(pkg-config --modversion icu-uc), $(date -u +%F)"
case "${1:-}" in
--asan)
	# shellcheck disable=SC2086
	gcc -std=gnu99 -Wall -Wextra -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
		-DOW_FUZZ_STANDALONE -I"$root/src" -o "$out-fuzz" \
		"$root/fuzz/wareki_parse_fuzz.c" "$root/src/wareki_parse.c" $icu
	"$out-fuzz" "${OW_FUZZ_RUNS:-1000000}"
	exit 0
	;;
esac

# shellcheck disable=SC2086
gcc -std=gnu99 -Wall -Wextra -O2 -I"$root/src" -o "$out" "${srcs[@]}" $icu
"$out" --check | tail -1
echo
echo "Parser and formatter alone, $rows values x $runs runs:"
"$out" -n "$rows" -r "$runs"

if [ "${1:-}" = "--sql" ]; then
	source "$root/scripts/lib.sh"
	ow_ensure_build_packages
	ow_build_install
	ow_start_cluster
	echo
	echo "Inside the server (PostgreSQL $(psql -X -At -c 'SHOW server_version')), $rows values x $runs runs:"
	psql -X -q -v rows="$rows" -v runs="$runs" -f "$root/bench/wareki.sql"
fi
