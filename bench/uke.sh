#!/usr/bin/env bash
# bench/uke.sh - time uke_claims() and uke_affected_claims() against the
# size of the receipt file, and the backend's peak memory.
#
#   bash bench/uke.sh            files of 10, 25, 50 and 100 MB
#   OW_BENCH_SIZES="1 100" OW_BENCH_RUNS=5 bash bench/uke.sh
#
# A file is the East fixture's claims (test/fixtures/uke/east_2025_02.UKE)
# repeated under one IR up to the size, in CP932 with CR LF.  Each size
# runs OW_BENCH_RUNS times (default 5) in a fresh connection; the median
# is printed, and the backend's peak RSS (VmHWM) after the runs.  The file
# is stored uncompressed (STORAGE EXTERNAL), so the time is the reader's,
# plus fetching the value.  Builds, installs and starts a throwaway
# cluster (OW_PG_BIN selects the PostgreSQL).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${OW_BENCH_SIZES:-10 25 50 100}
runs=${OW_BENCH_RUNS:-5}
source "$root/scripts/lib.sh"
ow_build_install
ow_start_cluster
psql -X -q -c 'CREATE EXTENSION outage_window'

work=$(mktemp -d /tmp/ow-uke-bench.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), PostgreSQL $(psql -X -At -c 'SHOW server_version'), $(date -u +%F)"
printf '%8s %9s %14s %14s %12s %12s\n' "MB" "claims" "uke_claims ms" "affected ms" "MB/s" "peak RSS MB"
for mb in $sizes; do
	f=$work/bench_$mb.UKE
	python3 - "$root/test/fixtures/uke/east_2025_02.UKE" "$f" "$mb" <<'PY'
import sys
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(src, "rb").read().split(b"\r\n")
ir, body = lines[0], [l for l in lines[1:] if l and not l.startswith(b"GO")]
chunk = b"".join(l + b"\r\n" for l in body)
n = max(1, (mb * 1024 * 1024) // len(chunk))
with open(dst, "wb") as out:
    out.write(ir + b"\r\n")
    for _ in range(n):
        out.write(chunk)
    out.write(b"GO,1,1,99\r\n")
PY
	chmod 644 "$f"
	psql -X -q -c "DROP TABLE IF EXISTS uke_bench; CREATE TABLE uke_bench (file bytea); ALTER TABLE uke_bench ALTER file SET STORAGE EXTERNAL; INSERT INTO uke_bench SELECT pg_read_binary_file('$f');"
	claims=$(psql -X -At -c "SELECT count(*) FROM uke_bench, uke_claims(file)")
	result=$(psql -X -At <<SQL
\\timing on
$(for _ in $(seq "$runs"); do echo "SELECT count(*) FROM uke_bench, uke_claims(file);"; done)
$(for _ in $(seq "$runs"); do echo "SELECT count(*) FROM uke_bench, uke_affected_claims(file);"; done)
\\timing off
SQL
)
	times=$(echo "$result" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
	read -r claims_ms affected_ms < <(python3 - "$runs" <<PY
import statistics, sys
runs = int(sys.argv[1])
t = [float(x) for x in """$times""".split()]
print(round(statistics.median(t[:runs])), round(statistics.median(t[runs:2 * runs])))
PY
)
	peak=$(psql -X -At <<SQL | tail -1
SELECT count(*) FROM uke_bench, uke_claims(file);
SELECT (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'), 'VmHWM:\s+(\d+)'))[1]::int / 1024;
SQL
)
	mbps=$(python3 -c "print(round($mb / ($claims_ms / 1000), 1))")
	printf '%8s %9s %14s %14s %12s %12s\n' "$mb" "$claims" "$claims_ms" "$affected_ms" "$mbps" "$peak"
done
