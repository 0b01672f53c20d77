# scripts/citus.sh - a Citus cluster for the tests (sourced after lib.sh, not run).
#
# Citus is not a Debian package and must be installed into the PostgreSQL
# that runs it, so the tests never put it into the PostgreSQL they were
# given.  ow_citus_prepare finds a PostgreSQL with Citus, in this order:
#   1. $OW_PG_BIN itself when Citus is already installed there;
#   2. a build of the Citus source tree or tarball named by OW_CITUS_SRC;
#   3. a build of the tarball in ../shared/vendor/citus/ (next to the
#      repository), with the patches found there applied.
# A build goes into a relocated copy of $OW_PG_BIN's PostgreSQL laid out like
# Debian's (usr/lib/postgresql/15, usr/share/postgresql/15,
# usr/include/postgresql) in $OW_CITUS_CACHE/<citus>-pg<minor>, made once:
# a second run finds it and does not build again (about 10 minutes on two
# cores).  Each run then works on its own copy of that cache, into which it
# installs outage_window, so that runs of different trees do not meet.
# ow_citus_start_cluster starts a coordinator and two workers on Unix
# sockets only (no TCP), and a plain node of the same build without Citus to
# compare answers with, and exports OW_CITUS_COORD, OW_CITUS_W1, OW_CITUS_W2,
# OW_CITUS_PLAIN (ports; PGHOST is their common socket directory).

OW_CITUS_VERSION=${OW_CITUS_VERSION:-13.2.2}
OW_CITUS_CACHE=${OW_CITUS_CACHE:-/var/cache/outage_window/citus}
OW_CITUS_VENDOR=${OW_CITUS_VENDOR:-$OW_ROOT/../shared/vendor/citus}

# What building Citus needs (its configure refuses without most of them).
ow_citus_build_packages() {
	ow_ensure_build_packages
	ow_ensure_packages libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev \
		libselinux1-dev libpam0g-dev libssl-dev libxml2-dev libxslt1-dev \
		libreadline-dev zlib1g-dev
}

# The root under which $OW_PG_BIN is usr/lib/postgresql/MAJOR/bin ("" for
# the system's PostgreSQL).
ow_citus_pg_root() {
	local bin
	bin=$(cd "$OW_PG_BIN" && pwd -P)
	case "$bin" in
	*/usr/lib/postgresql/"$OW_PG_MAJOR"/bin) echo "${bin%/usr/lib/postgresql/"$OW_PG_MAJOR"/bin}" ;;
	*) return 1 ;;
	esac
}

# Where the Citus source is, as "dir:<tree>" or "tar:<tarball>"; fails when
# there is none.
ow_citus_source() {
	local t
	if [ -n "${OW_CITUS_SRC:-}" ]; then
		if [ -d "$OW_CITUS_SRC" ] && [ -f "$OW_CITUS_SRC/configure" ]; then
			echo "dir:$(cd "$OW_CITUS_SRC" && pwd)"
			return 0
		elif [ -f "$OW_CITUS_SRC" ]; then
			echo "tar:$(cd "$(dirname "$OW_CITUS_SRC")" && pwd)/$(basename "$OW_CITUS_SRC")"
			return 0
		fi
		return 1
	fi
	t=$OW_CITUS_VENDOR/citus-$OW_CITUS_VERSION.tar.gz
	[ -f "$t" ] || return 1
	echo "tar:$(cd "$(dirname "$t")" && pwd)/$(basename "$t")"
}

# Sets OW_CITUS_PG_BIN to the bin directory of a PostgreSQL with Citus,
# building it when needed.  Returns 1 with OW_CITUS_SKIP set to the reason
# when neither an installed Citus nor its source is there.
ow_citus_prepare() {
	local src root minor key dest tree build_log
	OW_CITUS_SKIP=
	if [ -f "$("$OW_PG_BIN/pg_config" --pkglibdir)/citus.so" ]; then
		OW_CITUS_PG_BIN=$OW_PG_BIN
		OW_CITUS_BUILT=installed
		return 0
	fi
	if ! src=$(ow_citus_source); then
		OW_CITUS_SKIP="no Citus: none installed in $("$OW_PG_BIN/pg_config" --pkglibdir), OW_CITUS_SRC ${OW_CITUS_SRC:+($OW_CITUS_SRC) is not a Citus source tree or tarball}${OW_CITUS_SRC:-is unset}, and no citus-$OW_CITUS_VERSION.tar.gz in $OW_CITUS_VENDOR"
		return 1
	fi
	if ! root=$(ow_citus_pg_root); then
		OW_CITUS_SKIP="$OW_PG_BIN is not laid out as <root>/usr/lib/postgresql/$OW_PG_MAJOR/bin, so it cannot be copied for Citus"
		return 1
	fi
	minor=$("$OW_PG_BIN/pg_config" --version | sed -n 's/^PostgreSQL \([0-9.]*\).*/\1/p')
	key=$OW_CITUS_VERSION-pg$minor
	[ "${src%%:*}" = dir ] && key=$key-$(echo "${src#dir:}" | md5sum | cut -c1-8)
	dest=$OW_CITUS_CACHE/$key
	OW_CITUS_BUILT=cached
	ow_as_root mkdir -p "$OW_CITUS_CACHE"
	(
		exec 7>>"$OW_CITUS_CACHE/.lock"
		flock 7
		[ -f "$dest/.complete" ] && exit 0
		ow_log "building Citus $OW_CITUS_VERSION for PostgreSQL $minor into $dest (about 10 minutes on two cores, once)"
		ow_citus_build_packages
		ow_as_root rm -rf "$dest" "$dest.tmp"
		ow_as_root mkdir -p "$dest.tmp/usr/lib/postgresql" "$dest.tmp/usr/share/postgresql" "$dest.tmp/usr/include" "$dest.tmp/src"
		ow_as_root cp -a "$root/usr/lib/postgresql/$OW_PG_MAJOR" "$dest.tmp/usr/lib/postgresql/"
		ow_as_root cp -a "$root/usr/share/postgresql/$OW_PG_MAJOR" "$dest.tmp/usr/share/postgresql/"
		ow_as_root cp -a "$root/usr/include/postgresql" "$dest.tmp/usr/include/"
		# a Citus built for another tree must not come with the copy
		ow_as_root rm -f "$dest.tmp/usr/lib/postgresql/$OW_PG_MAJOR/lib/citus"*.so
		tree=$dest.tmp/src/citus
		if [ "${src%%:*}" = dir ]; then
			ow_as_root cp -a "${src#dir:}" "$tree"
		else
			ow_as_root mkdir -p "$tree"
			ow_as_root tar -xzf "${src#tar:}" -C "$tree" --strip-components=1
			local p
			for p in "$(dirname "${src#tar:}")"/citus-"$OW_CITUS_VERSION"-*.patch; do
				[ -f "$p" ] || continue
				ow_log "applying $(basename "$p")"
				ow_as_root patch -s -p1 -d "$tree" <"$p" || exit 1
			done
		fi
		build_log=$dest.tmp/build.log
		(
			cd "$tree" &&
				./configure PG_CONFIG="$dest.tmp/usr/lib/postgresql/$OW_PG_MAJOR/bin/pg_config" &&
				make -j"$(nproc)" &&
				make install
		) >"$build_log" 2>&1 || {
			tail -40 "$build_log" >&2
			ow_log "the Citus build failed; its log: $build_log"
			exit 1
		}
		ow_as_root rm -rf "$dest.tmp/src"
		ow_as_root touch "$dest.tmp/.complete"
		ow_as_root mv "$dest.tmp" "$dest"
	) || {
		OW_CITUS_SKIP="the Citus build failed"
		return 2
	}
	[ -f "$dest/.complete" ] || return 2
	OW_CITUS_RUN_DIR=$(mktemp -d /tmp/ow-citus-pg.XXXXXX)
	cp -a "$dest/usr" "$OW_CITUS_RUN_DIR/"
	chmod 755 "$OW_CITUS_RUN_DIR"
	OW_CITUS_PG_BIN=$OW_CITUS_RUN_DIR/usr/lib/postgresql/$OW_PG_MAJOR/bin
	# this run's own outage_window, built against the same headers
	make -C "$OW_ROOT" -s PG_CONFIG="$OW_CITUS_PG_BIN/pg_config" install >/dev/null
	return 0
}

# Coordinator and two workers, Unix sockets only, each with a port of its own
# in one socket directory (Citus names a node by host = that directory).
ow_citus_start_cluster() {
	local node port owner
	OW_CITUS_DIR=$(mktemp -d /tmp/ow-citus.XXXXXX)
	chmod 755 "$OW_CITUS_DIR"
	if [ "$(id -u)" -eq 0 ]; then
		owner=postgres
		chown "$owner" "$OW_CITUS_DIR"
		ow_citus_as_owner() { (cd / && runuser -u postgres -- "$@"); }
	else
		owner=$(id -un)
		ow_citus_as_owner() { "$@"; }
	fi
	OW_CITUS_COORD=${OW_CITUS_PORT:-54340}
	OW_CITUS_W1=$((OW_CITUS_COORD + 1))
	OW_CITUS_W2=$((OW_CITUS_COORD + 2))
	OW_CITUS_PLAIN=$((OW_CITUS_COORD + 3))
	export PGHOST=$OW_CITUS_DIR PGUSER=$owner PGDATABASE=postgres
	export OW_CITUS_COORD OW_CITUS_W1 OW_CITUS_W2 OW_CITUS_PLAIN OW_CITUS_DIR
	trap ow_citus_stop_cluster EXIT
	for port in "$OW_CITUS_COORD" "$OW_CITUS_W1" "$OW_CITUS_W2"; do
		node=$OW_CITUS_DIR/n$port
		ow_citus_as_owner "$OW_CITUS_PG_BIN/initdb" -D "$node" -U "$owner" --auth=trust \
			--encoding=UTF8 --locale=C.UTF-8 >"$OW_CITUS_DIR/initdb.$port.log" 2>&1 ||
			{ cat "$OW_CITUS_DIR/initdb.$port.log" >&2; ow_die "initdb failed"; }
		ow_citus_as_owner "$OW_CITUS_PG_BIN/pg_ctl" -D "$node" -w -s -t 60 -l "$node.log" \
			-o "-c listen_addresses='' -c unix_socket_directories='$OW_CITUS_DIR' -p $port -c fsync=off -c shared_preload_libraries=citus -c max_prepared_transactions=20 -c max_connections=60" \
			start || { cat "$node.log" >&2; ow_die "a Citus node did not start"; }
		"$OW_CITUS_PG_BIN/psql" -X -q -p "$port" -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION citus' >/dev/null
	done
	# a plain single node of the same build, without Citus, to compare with
	node=$OW_CITUS_DIR/n$OW_CITUS_PLAIN
	ow_citus_as_owner "$OW_CITUS_PG_BIN/initdb" -D "$node" -U "$owner" --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >"$OW_CITUS_DIR/initdb.$OW_CITUS_PLAIN.log" 2>&1 ||
		{ cat "$OW_CITUS_DIR/initdb.$OW_CITUS_PLAIN.log" >&2; ow_die "initdb failed"; }
	ow_citus_as_owner "$OW_CITUS_PG_BIN/pg_ctl" -D "$node" -w -s -t 60 -l "$node.log" \
		-o "-c listen_addresses='' -c unix_socket_directories='$OW_CITUS_DIR' -p $OW_CITUS_PLAIN -c fsync=off" \
		start || { cat "$node.log" >&2; ow_die "the plain node did not start"; }
	"$OW_CITUS_PG_BIN/psql" -X -q -p "$OW_CITUS_COORD" -v ON_ERROR_STOP=1 >/dev/null <<-SQL
		SELECT citus_set_coordinator_host('$OW_CITUS_DIR', $OW_CITUS_COORD);
		SELECT citus_add_node('$OW_CITUS_DIR', $OW_CITUS_W1);
		SELECT citus_add_node('$OW_CITUS_DIR', $OW_CITUS_W2);
	SQL
	ow_log "Citus cluster in $OW_CITUS_DIR: coordinator $OW_CITUS_COORD, workers $OW_CITUS_W1 $OW_CITUS_W2"
}

ow_citus_stop_cluster() {
	local port
	if [ -n "${OW_CITUS_DIR:-}" ]; then
		for port in "$OW_CITUS_COORD" "$OW_CITUS_W1" "$OW_CITUS_W2" "$OW_CITUS_PLAIN"; do
			[ -d "$OW_CITUS_DIR/n$port" ] &&
				ow_citus_as_owner "$OW_CITUS_PG_BIN/pg_ctl" -D "$OW_CITUS_DIR/n$port" -m fast -s stop || true
		done
		if [ -n "${OW_KEEP_CLUSTER:-}" ]; then
			ow_log "kept $OW_CITUS_DIR"
		else
			rm -rf "$OW_CITUS_DIR"
		fi
		OW_CITUS_DIR=
	fi
	if [ -n "${OW_CITUS_RUN_DIR:-}" ] && [ -z "${OW_KEEP_CLUSTER:-}" ]; then
		rm -rf "$OW_CITUS_RUN_DIR"
		OW_CITUS_RUN_DIR=
	fi
}
