#!/usr/bin/env bash
# scripts/test.sh - run every test of outage_window; exit non-zero on any failure.
#
# Installs the Debian packages that are missing, builds and installs the
# extension, starts a throwaway cluster, then runs
#   0. a check that sql/docs_*.sql holds every SQL example of README.md and
#      doc/*.md as they are now (scripts/doc_examples.pl --check),
#   1. the pg_regress suites (sql/ + expected/) through "make installcheck",
#      the documents' examples among them,
#   2. the pgTAP suites (test/*.sql) through pg_prove,
#   3. pg_regress and pgTAP again under two hard TimeZone/DateStyle pairs
#      (scripts/tz_matrix.sh; OW_TZ_CI_PAIRS changes them, empty skips),
#   4. the scenario scripts (test/scenarios/*.sh) that need several sessions,
#      a dump and restore, a second database or a second cluster,
#   4b. a Citus cluster (test/scenarios/citus_cluster.sh): a coordinator,
#      two workers and a plain node, every function's answers on the cluster
#      compared with the plain node's.  It uses an installed Citus, or builds
#      one (OW_CITUS_SRC, else ../shared/vendor/citus/) once into
#      /var/cache/outage_window/citus (OW_CITUS_CACHE); without either, or
#      with OW_CITUS=0, it says why and counts as skipped,
#   5. a short fuzz pass over every parser (scripts/fuzz.sh, no server;
#      OW_FUZZ_SECONDS per parser, 25 by default, 0 to skip; it installs
#      clang),
#   6. the version matrix: stages 1-4 on PostgreSQL 17 and 18 as Debian
#      ships them, each in a Debian chroot (scripts/pg_matrix.sh).  It runs
#      when the chroots are already cached (/var/cache/outage_window/chroots,
#      OW_CHROOT_CACHE) or when asked with OW_PG_MATRIX=1 (which makes them,
#      about 3 minutes once); OW_PG_MATRIX=0 skips it.  Skipped, it says so
#      and counts as skipped,
#   7. the Debian package: built from debian/, installed with apt, tested as
#      autopkgtest would, removed, and the earlier `make install` put back
#      (scripts/deb_package.sh).  OW_DEB_WHERE=host does it on this machine,
#      OW_DEB_WHERE=chroot in a Debian chroot of this machine's release in
#      the same cache.  By default: on this machine when this run tests the
#      system's PostgreSQL (OW_PG_BIN unset) and no such chroot is cached,
#      as on a fresh machine; else in the chroot, which leaves a shared
#      machine's system PostgreSQL alone.  OW_DEB_STAGE=0 skips it.
# Prints one closing line "N passed, N failed" counting the stages, with
# ", N skipped" when a stage was skipped.
set -euo pipefail
system_pg_bin=${OW_PG_BIN:-}
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/chroot_lib.sh"

ow_ensure_test_packages
# scripts/sanitize.sh and scripts/valgrind.sh install their own build first
[ -n "${OW_NO_INSTALL:-}" ] || ow_build_install
ow_start_cluster

passed=0
failed=0
skipped=0
stage() {
	local name=$1
	shift
	ow_log "$name"
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		ow_log "FAILED: $name"
	fi
}

regress() {
	# OW_REGRESS: the pg_regress tests to run, when not all (valgrind.sh)
	if make -C "$OW_ROOT" -s PG_CONFIG="$OW_PG_BIN/pg_config" installcheck \
		${OW_REGRESS:+REGRESS="$OW_REGRESS"}; then
		return 0
	fi
	[ -f "$OW_ROOT/regression.diffs" ] && cat "$OW_ROOT/regression.diffs"
	return 1
}

tap() {
	createdb ow_tap
	psql -X -q -d ow_tap -c 'CREATE EXTENSION pgtap' >/dev/null
	PGDATABASE=ow_tap pg_prove --ext .sql -f "$OW_ROOT/test/"
}

# Answers must not depend on the session's TimeZone or DateStyle, and every
# test must set what it prints: rerun the suites where both differ most from
# pg_regress's own (PST8PDT, "Postgres, MDY").
tz_pairs() {
	OW_NO_INSTALL=1 OW_TZ_USE_CLUSTER=1 OW_TZ_PAIRS="$1" bash "$OW_ROOT/scripts/tz_matrix.sh"
}

scenarios() {
	local s rc=0
	for s in "$OW_ROOT"/test/scenarios/*.sh; do
		[ -e "$s" ] || continue
		# a stage of its own, below
		[ "$(basename "$s")" = citus_cluster.sh ] && continue
		ow_log "scenario $(basename "$s")"
		bash "$s" || { ow_log "scenario failed: $(basename "$s")"; rc=1; }
	done
	return $rc
}

stage "doc examples in step with README.md and doc/" perl "$OW_ROOT/scripts/doc_examples.pl" --check
stage "pg_regress suites" regress
stage "pgTAP suites" tap
tz_ci_pairs=${OW_TZ_CI_PAIRS-Pacific/Chatham|German, DMY;Asia/Tokyo|SQL, YMD}
if [ -n "$tz_ci_pairs" ]; then
	stage "suites under other time zones and DateStyles" tz_pairs "$tz_ci_pairs"
fi
stage "scenario scripts" scenarios
# The Citus cluster: its own cluster of four nodes, built from a cached
# Citus; exit status 3 means it could not run here, and says why.
citus_rc=0
ow_log "Citus cluster (test/scenarios/citus_cluster.sh)"
bash "$OW_ROOT/test/scenarios/citus_cluster.sh" || citus_rc=$?
case $citus_rc in
0) passed=$((passed + 1)) ;;
3) skipped=$((skipped + 1)) ;;
*)
	failed=$((failed + 1))
	ow_log "FAILED: Citus cluster (test/scenarios/citus_cluster.sh)"
	;;
esac
if [ "${OW_FUZZ_SECONDS:-25}" != 0 ]; then
	stage "fuzz pass (${OW_FUZZ_SECONDS:-25} s per parser)" bash "$OW_ROOT/scripts/fuzz.sh" "${OW_FUZZ_SECONDS:-25}"
fi

matrix=${OW_PG_MATRIX:-auto}
if [ "$matrix" = 1 ] || { [ "$matrix" = auto ] && bash "$OW_ROOT/scripts/pg_matrix.sh" --cached; }; then
	stage "PostgreSQL version matrix (scripts/pg_matrix.sh)" bash "$OW_ROOT/scripts/pg_matrix.sh"
else
	skipped=$((skipped + 1))
	if [ "$matrix" = 0 ]; then
		ow_log "SKIPPED: the PostgreSQL version matrix (OW_PG_MATRIX=0)"
	else
		ow_log "SKIPPED: the PostgreSQL version matrix (17, 18): its Debian chroots are not cached in $OW_CHROOT_CACHE; OW_PG_MATRIX=1 bash scripts/test.sh makes them (about 3 minutes, once) and runs it"
	fi
fi

# The Debian package stage, on this machine or in a chroot of its release.
deb_in_chroot() {
	local suite dir rc=0
	suite=${OW_DEB_SUITE:-$(. /etc/os-release && echo "$VERSION_CODENAME")}
	(
		exec 8>>"$OW_CHROOT_CACHE/.lock.deb"
		flock 8
		ow_chroot_make "$suite" "$OW_PG_MAJOR" build-essential dpkg-dev debhelper postgresql-server-dev-all
		dir=$(ow_chroot_dir "$suite" "$OW_PG_MAJOR")
		ow_log "in the $suite chroot $dir"
		ow_chroot_copy_tree "$dir"
		ow_chroot_mount "$dir"
		ow_chroot_run "$dir" OW_PG_MAJOR="$OW_PG_MAJOR" \
			-- bash /build/outage_window/scripts/deb_package.sh || rc=$?
		ow_chroot_umount "$dir"
		exit $rc
	)
}
if [ "${OW_DEB_STAGE:-1}" = 0 ]; then
	skipped=$((skipped + 1))
	ow_log "SKIPPED: the Debian package (OW_DEB_STAGE=0)"
else
	deb_where=${OW_DEB_WHERE:-}
	if [ -z "$deb_where" ]; then
		suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
		if [ -z "$system_pg_bin" ] && ! ow_chroot_ready "$suite" "$OW_PG_MAJOR"; then
			deb_where=host
		else
			deb_where=chroot
		fi
	fi
	if [ "$deb_where" = host ]; then
		stage "Debian package, on this machine (scripts/deb_package.sh)" bash "$OW_ROOT/scripts/deb_package.sh"
	else
		ow_as_root mkdir -p "$OW_CHROOT_CACHE"
		stage "Debian package, in a chroot (scripts/deb_package.sh)" deb_in_chroot
	fi
fi

closing="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || closing+=", $skipped skipped"
echo "$closing"
[ "$failed" -eq 0 ]
