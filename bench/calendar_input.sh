#!/usr/bin/env bash
# bench/calendar_input.sh - time and memory of outage_calendar text input
# and of compiling a calendar, against the size of the input (issue "Trust",
# item 8: no input may be quadratic or unbounded).
#
#   bash bench/calendar_input.sh
#
# Builds, installs and starts a throwaway cluster (scripts/lib.sh; honours
# OW_PG_BIN), then runs bench/calendar_input.sql: medians of OW_BENCH_RUNS
# (default 7) runs for 10 to 100,000 windows (about 600 bytes to 5.6 MB of
# text), the memory a call site keeps for a compiled calendar, and how soon
# oversized inputs are refused.  It installs the extension: on a machine
# shared with other builds, run it under the same lock as the tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
ow_ensure_build_packages
ow_build_install
ow_start_cluster
echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), PostgreSQL $(psql -X -At -c 'SHOW server_version'), $(date -u +%F)"
psql -X -q -v runs="${OW_BENCH_RUNS:-7}" -f "$root/bench/calendar_input.sql"
