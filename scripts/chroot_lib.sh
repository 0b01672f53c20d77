# scripts/chroot_lib.sh - Debian chroots kept in a cache outside the
# repository, for scripts/pg_matrix.sh and the Debian package stage of
# scripts/test.sh (sourced, not run; needs scripts/lib.sh first).
#
# One chroot per Debian suite and PostgreSQL major version, in
# $OW_CHROOT_CACHE/SUITE-pgMAJOR, made once with
#   debootstrap --variant=minbase SUITE
# and the Debian packages that build and test the extension, and reused by
# every later run.  A chroot is complete once it holds the file
# .outage_window-ready; a half-made one (interrupted run) is made again.
# While a command runs inside, /proc is bind-mounted, /dev/shm is a tmpfs
# (PostgreSQL's dynamic shared memory) and /dev/pts a private devpts.  Needs root (or sudo).

OW_CHROOT_CACHE=${OW_CHROOT_CACHE:-/var/cache/outage_window/chroots}
OW_DEBIAN_MIRROR=${OW_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# The packages every chroot gets: what scripts/test.sh needs (less clang:
# the fuzz stage runs on the host only, its parsers never see a server).
ow_chroot_packages() { # MAJOR
	echo ca-certificates make gcc libc6-dev pkg-config libicu-dev \
		"postgresql-$1" "postgresql-server-dev-$1" "postgresql-$1-pgtap" \
		libtap-parser-sourcehandler-pgtap-perl util-linux procps
}

ow_chroot_dir() { echo "$OW_CHROOT_CACHE/$1-pg$2"; } # SUITE MAJOR
ow_chroot_ready() { [ -e "$(ow_chroot_dir "$1" "$2")/.outage_window-ready" ]; }

# Mount /proc and /dev/shm inside the chroot (idempotent).
ow_chroot_mount() { # DIR
	local dir=$1
	mountpoint -q "$dir/proc" || ow_as_root mount --bind /proc "$dir/proc"
	ow_as_root mkdir -p "$dir/dev/shm"
	mountpoint -q "$dir/dev/shm" || ow_as_root mount -t tmpfs -o mode=1777,size=1g ow-shm "$dir/dev/shm"
	# a private /dev/pts, for apt's and dpkg's terminal log
	ow_as_root mkdir -p "$dir/dev/pts"
	mountpoint -q "$dir/dev/pts" ||
		ow_as_root mount -t devpts -o newinstance,ptmxmode=0666,mode=620 ow-pts "$dir/dev/pts" 2>/dev/null || true
}

ow_chroot_umount() { # DIR
	local dir=$1
	mountpoint -q "$dir/dev/pts" && ow_as_root umount "$dir/dev/pts"
	mountpoint -q "$dir/dev/shm" && ow_as_root umount "$dir/dev/shm"
	mountpoint -q "$dir/proc" && ow_as_root umount -l "$dir/proc"
	return 0
}

# Run a command in the chroot with a clean environment plus the NAME=VALUE
# words given before "--".
ow_chroot_run() { # DIR [NAME=VALUE...] -- COMMAND...
	local dir=$1 envs=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	shift
	ow_as_root chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		DEBIAN_FRONTEND=noninteractive ${envs[@]+"${envs[@]}"} "$@"
}

# Make the chroot SUITE-pgMAJOR unless it is cached.  EXTRA: more packages.
ow_chroot_make() { # SUITE MAJOR [EXTRA...]
	local suite=$1 major=$2 dir tmp t0
	shift 2
	dir=$(ow_chroot_dir "$suite" "$major")
	ow_chroot_ready "$suite" "$major" && return 0
	command -v debootstrap >/dev/null 2>&1 || ow_ensure_packages debootstrap
	tmp=$dir.partial
	if [ -d "$tmp" ]; then
		ow_chroot_umount "$tmp"
		ow_as_root rm -rf --one-file-system "$tmp"
	fi
	ow_as_root mkdir -p "$OW_CHROOT_CACHE"
	t0=$(date +%s)
	ow_log "making the $suite chroot for PostgreSQL $major in $dir (once; later runs reuse it)"
	ow_as_root debootstrap --variant=minbase "$suite" "$tmp" "$OW_DEBIAN_MIRROR" \
		>"$OW_CHROOT_CACHE/$suite-pg$major.debootstrap.log" 2>&1 ||
		{ tail -n 20 "$OW_CHROOT_CACHE/$suite-pg$major.debootstrap.log" >&2; ow_die "debootstrap $suite failed"; }
	# no services started by package scripts, no default cluster: the
	# tests make their own; an unstable suite's Release file may be past
	# its Valid-Until date.
	ow_as_root sh -c "printf '#!/bin/sh\nexit 101\n' >'$tmp/usr/sbin/policy-rc.d' && chmod 755 '$tmp/usr/sbin/policy-rc.d'"
	ow_as_root mkdir -p "$tmp/etc/postgresql-common/createcluster.d"
	ow_as_root sh -c "echo 'create_main_cluster = false' >'$tmp/etc/postgresql-common/createcluster.d/outage_window.conf'"
	ow_as_root sh -c "echo 'Acquire::Check-Valid-Until \"false\";' >'$tmp/etc/apt/apt.conf.d/99outage-window'"
	ow_chroot_mount "$tmp"
	if ! { ow_chroot_run "$tmp" -- apt-get update -qq &&
		ow_chroot_run "$tmp" -- apt-get install -y -qq --no-install-recommends \
			$(ow_chroot_packages "$major") "$@"; } \
		>"$OW_CHROOT_CACHE/$suite-pg$major.apt.log" 2>&1; then
		ow_chroot_umount "$tmp"
		tail -n 20 "$OW_CHROOT_CACHE/$suite-pg$major.apt.log" >&2
		ow_die "installing PostgreSQL $major packages into the $suite chroot failed"
	fi
	ow_chroot_run "$tmp" -- apt-get clean
	ow_chroot_umount "$tmp"
	ow_as_root touch "$tmp/.outage_window-ready"
	ow_as_root mv "$tmp" "$dir"
	ow_log "made the $suite chroot in $(($(date +%s) - t0)) s"
}

# Copy the working tree (uncommitted changes included, build products and
# .git left out) to /build/outage_window in the chroot.
ow_chroot_copy_tree() { # DIR
	local dir=$1
	ow_as_root rm -rf "$dir/build/outage_window"
	ow_as_root mkdir -p "$dir/build/outage_window"
	tar -C "$OW_ROOT" --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
		--exclude=./results --exclude=./log --exclude=./tmp_check --exclude=./fuzz/build \
		--exclude='./outage_window--*.sql' --exclude=./regression.diffs --exclude=./regression.out \
		-cf - . | ow_as_root tar -C "$dir/build/outage_window" -xf -
}
