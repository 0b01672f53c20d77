#!/usr/bin/env bash
# bench/outage_window_gist.sh - GiST on outage_window: build time against a
# GiST on the same instants as tstzrange, and @> timestamptz / && query time
# against a sequential scan, on 1M windows.  Medians of 7 runs.
#
# Starts its own throwaway cluster, installs the extension under the shared
# install lock (held only while installing and creating the extension: the
# loaded library stays in our backend), and rewrites its own section of
# bench/README.md with the figures and the machine they came from.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"

ow_ensure_build_packages
OW_SERVER_OPTS="-c shared_buffers=1GB -c max_parallel_workers_per_gather=0 ${OW_SERVER_OPTS:-}"
ow_start_cluster
createdb ow_bench

lock=/tmp/ow-install.lock
ow_log "installing under $lock"
flock "$lock" bash -c '
	source "'"$OW_ROOT"'/scripts/lib.sh"
	ow_build_install
	psql -X -q -d ow_bench -c "CREATE EXTENSION outage_window"
'

out=$(mktemp /tmp/ow_bench.XXXXXX)
chmod 666 "$out"
ow_log "running bench/outage_window_gist.sql (1M windows, 7 runs each)"
psql -X -d ow_bench -v outfile="$out" -f "$OW_ROOT/bench/outage_window_gist.sql"

median() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$out"; }
b_ow=$(median 'build gist outage_window')
b_r=$(median 'build gist tstzrange')
s_ts=$(median 'seqscan @> timestamptz')
g_ts=$(median 'gist @> timestamptz')
s_ov=$(median 'seqscan &&')
g_ov=$(median 'gist &&')
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
build_ratio=$(ratio "$b_ow" "$b_r")
ts_speedup=$(ratio "$s_ts" "$g_ts")
ov_speedup=$(ratio "$s_ov" "$g_ov")

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
section=$(cat <<MD
<!-- outage_window_gist:begin -->
## GiST on outage_window (bench/outage_window_gist.sh)

1M random windows over ten years (1 min to 6 h each), medians of 7 runs,
timed inside the server; run on $(date -u +%Y-%m-%d), $(nproc) CPU(s), ${cpu},
PostgreSQL $(pg_config --version | awk '{print $2}'), shared_buffers 1GB,
no parallel workers.

| measure | median ms | ratio |
|---|---:|---:|
| CREATE INDEX gist (outage_window) | ${b_ow} | ${build_ratio}x the tstzrange build (target <= 2x) |
| CREATE INDEX gist (tstzrange, same instants) | ${b_r} | |
| w @> timestamptz, sequential scan | ${s_ts} | |
| w @> timestamptz, GiST | ${g_ts} | ${ts_speedup}x faster (target >= 100x) |
| w && one-hour window, sequential scan | ${s_ov} | |
| w && one-hour window, GiST | ${g_ov} | ${ov_speedup}x faster (target >= 100x) |

Reproduce: \`bash bench/outage_window_gist.sh\` (rewrites this section).
<!-- outage_window_gist:end -->
MD
)

readme=$OW_ROOT/bench/README.md
[ -f "$readme" ] || printf '# Benchmarks\n\n' >"$readme"
python3 - "$readme" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
pat = re.compile(r'<!-- outage_window_gist:begin -->.*?<!-- outage_window_gist:end -->', re.S)
if pat.search(text):
    text = pat.sub(lambda m: section, text)
else:
    text = text.rstrip('\n') + '\n\n' + section + '\n'
open(path, 'w').write(text)
PY
rm -f "$out"
echo "build ratio ${build_ratio}x, @> timestamptz speedup ${ts_speedup}x, && speedup ${ov_speedup}x"
