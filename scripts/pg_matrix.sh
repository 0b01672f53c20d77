#!/usr/bin/env bash
# scripts/pg_matrix.sh - the whole test command (scripts/test.sh) on each
# PostgreSQL major version as Debian ships it, each in its own Debian chroot.
#
#   bash scripts/pg_matrix.sh            # every version of OW_PG_MATRIX_VERSIONS
#   bash scripts/pg_matrix.sh 18         # only PostgreSQL 18
#   bash scripts/pg_matrix.sh --prepare  # only make the chroots that are missing
#   bash scripts/pg_matrix.sh --cached   # exit 0 when every chroot is made
#
# OW_PG_MATRIX_VERSIONS lists MAJOR:SUITE pairs, "17:trixie 18:sid" by default:
# Debian 13 (trixie) ships PostgreSQL 17 and sid ships 18, both natively
# (postgresql-N, postgresql-server-dev-N, postgresql-N-pgtap).  PostgreSQL
# 15 is the host's own (Debian 12), tested by scripts/test.sh itself.
#
# Each chroot is made once with debootstrap --variant=minbase and kept in
# OW_CHROOT_CACHE (/var/cache/outage_window/chroots), outside the
# repository; later runs reuse it (scripts/chroot_lib.sh).  Each run copies
# the working tree into the chroot, builds the extension there (a warning
# fails the build), installs it into the chroot's PostgreSQL, and runs
# scripts/test.sh with OW_PG_MAJOR set: a throwaway cluster of that
# version, the pg_regress and pgTAP suites, the TimeZone/DateStyle pairs
# and every scenario.  The fuzz stage is left to the host's run
# (OW_MATRIX_FUZZ_SECONDS, 0 by default): the fuzzed parsers are plain C
# that no PostgreSQL header reaches.  Each run's output is kept in
# $OW_CHROOT_CACHE/logs/pgMAJOR.log.
#
# Needs root (or sudo) for debootstrap, chroot and mount, and Debian's
# package registry the first time.  Prints one line per version with the
# suite's closing line and the time taken, and exits non-zero when a
# version fails.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/chroot_lib.sh"

versions=${OW_PG_MATRIX_VERSIONS:-17:trixie 18:sid}
mode=run
only=()
for arg in "$@"; do
	case $arg in
		--prepare) mode=prepare ;;
		--cached) mode=cached ;;
		[0-9]*) only+=("$arg") ;;
		*) ow_die "usage: $0 [--prepare | --cached] [MAJOR...]" ;;
	esac
done

pairs=()
for pair in $versions; do
	major=${pair%%:*}
	if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $major "* ]]; then
		continue
	fi
	pairs+=("$pair")
done
[ ${#pairs[@]} -gt 0 ] || ow_die "no version of \"$versions\" selected"

if [ "$mode" = cached ]; then
	for pair in "${pairs[@]}"; do
		ow_chroot_ready "${pair#*:}" "${pair%%:*}" || exit 1
	done
	exit 0
fi

# One run at a time per cache: the chroots are shared by whoever runs this
# on the machine.
ow_as_root mkdir -p "$OW_CHROOT_CACHE/logs"
exec 9>"$OW_CHROOT_CACHE/.lock"
if ! flock -n 9; then
	ow_log "waiting for another run using $OW_CHROOT_CACHE"
	flock 9
fi

for pair in "${pairs[@]}"; do
	ow_chroot_make "${pair#*:}" "${pair%%:*}"
done
[ "$mode" = prepare ] && exit 0

mounted=
cleanup() { [ -n "$mounted" ] && ow_chroot_umount "$mounted"; mounted=; }
trap cleanup EXIT

summary=()
rc=0
for pair in "${pairs[@]}"; do
	major=${pair%%:*}
	suite=${pair#*:}
	dir=$(ow_chroot_dir "$suite" "$major")
	log=$OW_CHROOT_CACHE/logs/pg$major.log
	ow_log "PostgreSQL $major ($suite chroot $dir): the whole suite; output in $log"
	t0=$(date +%s)
	ow_chroot_copy_tree "$dir"
	ow_chroot_mount "$dir"
	mounted=$dir
	# -Werror: a warning on this version fails its run
	set +e
	ow_chroot_run "$dir" OW_PG_MAJOR="$major" OW_PG_MATRIX=0 OW_DEB_STAGE=0 \
		OW_FUZZ_SECONDS="${OW_MATRIX_FUZZ_SECONDS:-0}" \
		${OW_TZ_CI_PAIRS+OW_TZ_CI_PAIRS="$OW_TZ_CI_PAIRS"} \
		${OW_PGBENCH_SECONDS:+OW_PGBENCH_SECONDS="$OW_PGBENCH_SECONDS"} \
		${OW_CONC_VISITS:+OW_CONC_VISITS="$OW_CONC_VISITS"} \
		OW_BUILD_CFLAGS=-Werror \
		-- bash /build/outage_window/scripts/test.sh >"$log" 2>&1
	status=$?
	set -e
	cleanup
	secs=$(($(date +%s) - t0))
	closing=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	[ -n "$closing" ] || closing="no closing line (exit $status); see $log"
	if [ "$status" -ne 0 ]; then
		rc=1
		tail -n 40 "$log" >&2
	fi
	summary+=("PostgreSQL $major ($suite): $closing, ${secs} s")
done

printf '%s\n' "${summary[@]}"
exit $rc
