#!/usr/bin/env bash
# scripts/deb_package.sh - the Debian package, end to end, on this machine:
#
#   1. installs what building needs (dpkg-dev, debhelper,
#      postgresql-server-dev-all, libicu-dev, ...) with apt;
#   2. builds the packages from debian/ with Debian's PostgreSQL extension
#      tooling (pg_buildext through dh --with pgxs_loop), one
#      postgresql-N-outage-window per PostgreSQL version of debian/pgversions
#      that this machine has: dpkg-buildpackage -us -uc -b, in a copy of the
#      working tree, so the tree keeps no build products;
#   3. installs them with `apt install ./postgresql-N-outage-window_*.deb`;
#   4. runs the package's own test as autopkgtest would
#      (debian/tests/installcheck: the pg_regress suites against the
#      installed files), then CREATE EXTENSION and the demo's report in a
#      throwaway cluster, and checks that the files used are the package's;
#   5. removes the packages (apt purge) and puts back every file the
#      packages overwrote, byte for byte: a `make install` from a checkout
#      writes the same paths, and is there again afterwards.
#
# scripts/test.sh runs this as a stage, on the machine itself or inside a
# Debian chroot (see OW_DEB_WHERE there).  Needs root (or sudo).
# OW_DEB_OUT: a directory to keep the built .deb files in.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

t0=$(date +%s)
ow_ensure_packages ca-certificates make gcc libc6-dev pkg-config libicu-dev \
	build-essential dpkg-dev debhelper postgresql-server-dev-all "postgresql-$OW_PG_MAJOR"

version=$(dpkg-parsechangelog -l "$OW_ROOT/debian/changelog" -S Version)
work=$(mktemp -d /tmp/ow-deb.XXXXXX)
chmod 755 "$work"
src=$work/outage-window-$version
installed=()
restore=
cleanup() {
	if [ ${#installed[@]} -gt 0 ]; then
		ow_log "removing ${installed[*]}"
		ow_as_root env DEBIAN_FRONTEND=noninteractive \
			apt-get purge -y -qq "${installed[@]}" >/dev/null || true
	fi
	if [ -n "$restore" ]; then
		ow_log "putting back the files the packages replaced"
		ow_as_root tar -C / -xpf "$work/before.tar"
	fi
	ow_as_root rm -rf "$work"
}
trap cleanup EXIT

# 2. build, in a copy of the tree (uncommitted changes included)
mkdir -p "$src"
tar -C "$OW_ROOT" --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
	--exclude=./results --exclude=./log --exclude=./tmp_check --exclude=./fuzz/build \
	--exclude='./outage_window--*.sql' --exclude=./regression.diffs --exclude=./regression.out \
	-cf - . | tar -C "$src" -xf -
ow_log "building the Debian package(s) (dpkg-buildpackage -us -uc -b)"
if ! (cd "$src" && pg_buildext updatecontrol && dpkg-buildpackage -us -uc -b) \
	>"$work/build.log" 2>&1; then
	tail -n 40 "$work/build.log" >&2
	ow_die "dpkg-buildpackage failed"
fi
grep -E 'warning:' "$work/build.log" >&2 && ow_die "the package build printed compiler warnings"
t_build=$(($(date +%s) - t0))
debs=()
for deb in "$work"/postgresql-*-outage-window_"$version"_*.deb; do
	[ -e "$deb" ] && debs+=("$deb")
done
[ ${#debs[@]} -gt 0 ] || ow_die "no postgresql-N-outage-window package was built"
for deb in "${debs[@]}"; do
	ow_log "built $(basename "$deb") ($(du -k "$deb" | cut -f1) kB, in $t_build s)"
	ow_log "  $(dpkg-deb -f "$deb" Depends)"
	if [ -n "${OW_DEB_OUT:-}" ]; then cp "$deb" "$OW_DEB_OUT"/; fi
done

# 3. keep what the packages will overwrite (a `make install`), then install
for deb in "${debs[@]}"; do
	dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -n 's|^\./||p'
done | sort -u | while read -r path; do
	if [ -f "/$path" ] && [ ! -L "/$path" ]; then printf '%s\n' "$path"; fi
done >"$work/before.list"
ow_as_root tar -C / -cpf "$work/before.tar" -T "$work/before.list"
restore=1
ow_log "keeping $(wc -l <"$work/before.list") file(s) from an earlier install, to put back"
ow_log "apt install ${debs[*]##*/}"
for deb in "${debs[@]}"; do
	installed+=("$(dpkg-deb -f "$deb" Package)")
done
(cd "$work" && ow_as_root env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -qq --no-install-recommends "${debs[@]/#$work/.}") >/dev/null

rc=0
# 4a. the package's own test, as autopkgtest runs it: from the source tree,
# against the installed package
ow_log "debian/tests/installcheck (pg_buildext installcheck)"
if ! (cd "$src" && debian/tests/installcheck) >"$work/installcheck.log" 2>&1; then
	tail -n 60 "$work/installcheck.log" >&2
	ow_log "FAILED: debian/tests/installcheck"
	rc=1
else
	grep -E 'tests passed|^### ' "$work/installcheck.log" >&2 || true
fi

# 4b. CREATE EXTENSION and the demo's report, in a throwaway cluster of
# each packaged version, from the package's files
for deb in "${debs[@]}"; do
	pkg=$(dpkg-deb -f "$deb" Package)
	major=$(echo "$pkg" | sed 's/^postgresql-\([0-9]*\)-.*/\1/')
	(
		OW_PG_MAJOR=$major
		OW_PG_BIN=/usr/lib/postgresql/$major/bin
		export PATH="$OW_PG_BIN:$PATH"
		lib=$("$OW_PG_BIN/pg_config" --pkglibdir)/outage_window.so
		owner=$(dpkg -S "$lib" 2>/dev/null | cut -d: -f1)
		[ "$owner" = "$pkg" ] || ow_die "$lib belongs to '${owner:-no package}', not $pkg"
		ow_start_cluster
		createdb ow_deb_smoke
		export PGDATABASE=ow_deb_smoke
		psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION outage_window'
		psql -X -q -v ON_ERROR_STOP=1 -f "$src/demo/visits.sql"
		psql -X -v ON_ERROR_STOP=1 -f "$src/demo/report.sql" >"$work/report-$major.txt"
		flagged=$(psql -X -At -v ON_ERROR_STOP=1 -c \
			"SELECT count(*) FROM his.visit v JOIN his.facility f USING (facility_id)
			 WHERE is_eligibility_affected(f.prefecture, v.visit_at)")
		ext=$(psql -X -At -c "SELECT extversion FROM pg_extension WHERE extname = 'outage_window'")
		[ "$flagged" -gt 0 ] || ow_die "the smoke report flagged no visit"
		echo "ok - $pkg: CREATE EXTENSION outage_window ($ext), the demo report ($(wc -l <"$work/report-$major.txt") lines) flags $flagged visits"
	) || { ow_log "FAILED: smoke test of $pkg"; rc=1; }
done

# 5. remove, put back, and check that the earlier install is whole again
cleanup_now() {
	ow_log "apt purge ${installed[*]}"
	ow_as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${installed[@]}" >/dev/null
	installed=()
	ow_as_root tar -C / -xpf "$work/before.tar"
	restore=
}
cleanup_now
while read -r path; do
	if ! tar -xOf "$work/before.tar" "$path" | cmp -s - "/$path"; then
		ow_log "FAILED: /$path is not as it was before the package"
		rc=1
	fi
done <"$work/before.list"
echo "ok - removed; $(wc -l <"$work/before.list") file(s) of the earlier install are back as they were"
[ "$rc" -eq 0 ] && echo "ok - Debian package built in $t_build s, installed, tested and removed in $(($(date +%s) - t0)) s"
exit $rc
