# scripts/lib.sh - shared steps of the README commands (sourced, not run).
#
# Works on a fresh Debian bookworm machine, as root or as a user with sudo:
# installs the Debian packages that are missing, builds and installs the
# extension, and runs a throwaway PostgreSQL cluster.  PostgreSQL refuses to
# run as root, so when we are root the cluster runs as the "postgres" user
# (created by the postgresql package) and the clients connect as that role.

OW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OW_PG_MAJOR=${OW_PG_MAJOR:-15}
# OW_PG_BIN: another (e.g. relocated) installation of the same major version
OW_PG_BIN=${OW_PG_BIN:-/usr/lib/postgresql/$OW_PG_MAJOR/bin}

ow_log() { printf '==> %s\n' "$*" >&2; }
ow_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, else through sudo.
ow_as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		ow_die "need root (or sudo) to run: $*"
	fi
}

# Install the Debian packages named in the arguments that are not installed.
ow_ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	ow_log "installing Debian packages: ${missing[*]}"
	ow_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	ow_as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What building and running the extension needs.
ow_ensure_build_packages() {
	ow_ensure_packages ca-certificates make gcc libc6-dev pkg-config \
		"postgresql-$OW_PG_MAJOR" "postgresql-server-dev-$OW_PG_MAJOR" \
		libicu-dev
}

# What the test suites need on top.
ow_ensure_test_packages() {
	ow_ensure_build_packages
	ow_ensure_packages "postgresql-$OW_PG_MAJOR-pgtap" \
		libtap-parser-sourcehandler-pgtap-perl
	# Debian 13 and later moved the old zone names the tests read (Japan,
	# Singapore) to tzdata-legacy; Debian 12 has them in tzdata.
	if apt-cache show tzdata-legacy >/dev/null 2>&1; then
		ow_ensure_packages tzdata-legacy
	fi
}

ow_build_install() {
	ow_log "building outage_window"
	# OW_BUILD_CFLAGS: more compiler flags (scripts/pg_matrix.sh: -Werror)
	make -C "$OW_ROOT" -s PG_CONFIG="$OW_PG_BIN/pg_config" \
		${OW_BUILD_CFLAGS:+COPT="$OW_BUILD_CFLAGS"} all >/dev/null
	ow_log "installing outage_window into $("$OW_PG_BIN/pg_config" --pkglibdir)"
	ow_as_root make -C "$OW_ROOT" -s PG_CONFIG="$OW_PG_BIN/pg_config" install >/dev/null
}

# Start a throwaway cluster with its socket in a private directory (no TCP
# port, so it never collides with another server).  Exports PGHOST, PGPORT,
# PGUSER and OW_CLUSTER_DIR; stops and removes the cluster on exit.
# OW_SERVER_BINDIR, when set, is a directory like $OW_PG_BIN whose postgres
# runs the server under a sanitizer runtime or valgrind (scripts/sanitize.sh,
# scripts/valgrind.sh); the server is started with its pg_ctl.
ow_start_cluster() {
	local owner
	OW_CLUSTER_DIR=$(mktemp -d /tmp/outage_window.XXXXXX)
	chmod 755 "$OW_CLUSTER_DIR"
	if [ "$(id -u)" -eq 0 ]; then
		owner=postgres
		id "$owner" >/dev/null 2>&1 || ow_die "user postgres is missing (is postgresql-$OW_PG_MAJOR installed?)"
		chown "$owner" "$OW_CLUSTER_DIR"
		# from /, which postgres can enter whatever the caller's directory
		ow_run_as_owner() { (cd / && runuser -u postgres -- "$@"); }
	else
		owner=$(id -un)
		ow_run_as_owner() { "$@"; }
	fi
	ow_log "starting a throwaway cluster in $OW_CLUSTER_DIR (as $owner)"
	ow_run_as_owner "$OW_PG_BIN/initdb" -D "$OW_CLUSTER_DIR/data" -U "$owner" \
		--auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$OW_CLUSTER_DIR/initdb.log" 2>&1 ||
		{ cat "$OW_CLUSTER_DIR/initdb.log" >&2; ow_die "initdb failed"; }
	export PGHOST=$OW_CLUSTER_DIR PGPORT=54329 PGUSER=$owner PGDATABASE=postgres
	ow_run_as_owner "${OW_SERVER_BINDIR:-$OW_PG_BIN}/pg_ctl" -D "$OW_CLUSTER_DIR/data" -w -s -t "${OW_START_TIMEOUT:-60}" \
		-l "$OW_CLUSTER_DIR/server.log" \
		-o "-c listen_addresses='' -c unix_socket_directories='$OW_CLUSTER_DIR' -p $PGPORT -c fsync=off -c max_prepared_transactions=2 ${OW_SERVER_OPTS:-}" \
		start || { cat "$OW_CLUSTER_DIR/server.log" >&2; ow_die "the server did not start"; }
	trap ow_stop_cluster EXIT
}

ow_stop_cluster() {
	[ -n "${OW_CLUSTER_DIR:-}" ] || return 0
	ow_run_as_owner "$OW_PG_BIN/pg_ctl" -D "$OW_CLUSTER_DIR/data" -m fast -s stop || true
	if [ -n "${OW_KEEP_CLUSTER:-}" ]; then
		ow_log "kept $OW_CLUSTER_DIR"
	else
		rm -rf "$OW_CLUSTER_DIR"
	fi
	OW_CLUSTER_DIR=
}

export PATH="$OW_PG_BIN:$PATH"

# Make a directory like $OW_PG_BIN whose "postgres" is a wrapper script that
# runs the real server through "$@" (a command prefix, e.g. valgrind and its
# options, or env LD_PRELOAD=...).  The other programs are copies, not
# symbolic links: pg_ctl looks for postgres next to its own resolved path.
# Prints the directory.
ow_make_server_bindir() {
	local dir
	dir=$(mktemp -d /tmp/ow-serverbin.XXXXXX)
	cp -a "$OW_PG_BIN"/. "$dir"/
	rm -f "$dir/postgres" "$dir/postmaster"
	{
		echo '#!/bin/sh'
		printf 'exec'
		printf ' %q' "$@" "$OW_PG_BIN/postgres"
		echo ' "$@"'
	} >"$dir/postgres"
	chmod 755 "$dir" "$dir/postgres"
	echo "$dir"
}
