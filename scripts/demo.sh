#!/usr/bin/env bash
# scripts/demo.sh - the main job, end to end, on a throwaway cluster.
#
# Installs the Debian packages that are missing, builds and installs the
# extension, starts a throwaway PostgreSQL cluster, creates the extension,
# loads a sample of hospital visits (demo/visits.sql) and prints the
# flagged-visits report (demo/report.sql).  The cluster is removed at the end
# (set OW_KEEP_CLUSTER=1 to keep it for a look around).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ow_ensure_build_packages
ow_build_install
ow_start_cluster

createdb ow_demo
export PGDATABASE=ow_demo
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION outage_window'
ow_log "loading the sample visits"
psql -X -q -v ON_ERROR_STOP=1 -f "$OW_ROOT/demo/visits.sql"
psql -X -q -v ON_ERROR_STOP=1 -c "SELECT count(*) AS sample_visits, min(visit_at), max(visit_at) FROM his.visit"
ow_log "the flagged-visits report"
psql -X -v ON_ERROR_STOP=1 -f "$OW_ROOT/demo/report.sql"
