#!/usr/bin/env bash
# test/scenarios/extension_versions.sh - released install scripts stay as
# released, and ALTER EXTENSION outage_window UPDATE works from every one.
#
# Run by scripts/test.sh against its throwaway cluster (PGHOST etc. set).
#
# versions/ holds each released version's install script, frozen, and the
# update scripts between versions (see the Makefile).  This scenario checks:
#   1. the installed script of the current version equals its frozen copy,
#      once that version is released (has a file in versions/): a change to
#      install/*.sql after a release must come with a new version and an
#      update script, never by editing what users already installed;
#   2. from every other released version, the installed files give an update
#      path to the current one;
#   3. a database created at that version, holding a user's area and
#      windows, an edited seed, a deleted one, one deleted and put back, and
#      moved prefectures, ends after ALTER EXTENSION ... UPDATE with the same
#      objects, definitions, comments and privileges as a fresh install of
#      the current version, and with the user's rows unchanged; once
#      installed by a superuser, once by a database owner who is not one
#      (the extension is trusted), who can still edit the schedule after.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

ext=outage_window
# no NOTICEs for the databases and role dropped twice
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
sharedir=$("$OW_PG_BIN/pg_config" --sharedir)/extension
current=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$OW_ROOT/$ext.control")
work=$(mktemp -d)
dbs=()
cleanup() {
	for d in ${dbs[@]+"${dbs[@]}"}; do dropdb --if-exists "$d"; done
	rm -rf "$work"
}
trap cleanup EXIT
q() { local d=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$d" "$@"; }
rc=0
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; rc=1; }
# same_files EXPECTED ACTUAL OK-MESSAGE NOT-OK-MESSAGE: pass if the files are
# identical, else fail and show how they differ
same_files() {
	if cmp -s "$1" "$2"; then
		ok "$3"
	else
		not_ok "$4"
		diff -u "$1" "$2" | head -40 || true
	fi
}

# Everything a user of the extension can see of it, by name (never by oid):
# each member object with its definition, comment and privileges, and the
# tables pg_dump treats as configuration.
signature() {
	q "$1" <<'SQL'
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'outage_window'),
member AS (
	SELECT d.classid, d.objid
	FROM pg_depend d, ext
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
)
SELECT line FROM (
	SELECT pg_describe_object(m.classid, m.objid, 0)
		   || ' | ' || coalesce(obj_description(m.objid, m.classid::regclass::name), '(no comment)') AS line
	FROM member m
	UNION ALL
	SELECT 'function ' || p.oid::regprocedure || ' returns ' || pg_get_function_result(p.oid)
		   || ' | ' || p.prokind::text || p.provolatile::text || p.proparallel::text || p.proisstrict::text
		   || ' secdef=' || p.prosecdef || ' cost=' || p.procost || ' rows=' || p.prorows
		   || ' support=' || p.prosupport::regproc || ' acl=' || coalesce(p.proacl::text, 'default')
		   || ' config=' || coalesce(p.proconfig::text, '') || ' src=' || md5(p.prosrc)
	FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	UNION ALL
	SELECT 'table ' || c.relname || ' kind=' || c.relkind::text || ' acl=' || coalesce(c.relacl::text, 'default')
		   || ' rls=' || c.relrowsecurity
	FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	UNION ALL
	SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
		   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
		   || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
		   || coalesce(' acl=' || a.attacl::text, '')
		   || ' | ' || coalesce(col_description(c.oid, a.attnum), '(no comment)')
	FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
	UNION ALL
	SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
	FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	JOIN pg_constraint k ON k.conrelid = c.oid
	UNION ALL
	SELECT 'index ' || pg_get_indexdef(i.indexrelid)
	FROM member m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
	UNION ALL
	SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text
	FROM member m JOIN pg_trigger t ON m.classid = 'pg_class'::regclass AND t.tgrelid = m.objid
	WHERE NOT t.tgisinternal
	UNION ALL
	SELECT 'type ' || t.typname || ' len=' || t.typlen || ' align=' || t.typalign::text || ' storage=' || t.typstorage::text
		   || ' in=' || t.typinput::regproc || ' out=' || t.typoutput::regproc
		   || ' recv=' || t.typreceive::regproc || ' send=' || t.typsend::regproc
		   || ' acl=' || coalesce(t.typacl::text, 'default')
	FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	UNION ALL
	SELECT 'operator ' || o.oid::regoperator || ' code=' || o.oprcode::regproc
		   || ' commutator=' || o.oprcom::regoperator::text || ' negator=' || o.oprnegate::regoperator::text
		   || ' rest=' || o.oprrest::regproc || ' join=' || o.oprjoin::regproc
		   || ' hashes=' || o.oprcanhash || ' merges=' || o.oprcanmerge
	FROM member m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	UNION ALL
	SELECT 'opclass member ' || pg_describe_object('pg_amop'::regclass, ao.oid, 0)
	FROM member m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid
	JOIN pg_amop ao ON ao.amopfamily = f.oid
	UNION ALL
	SELECT 'opclass member ' || pg_describe_object('pg_amproc'::regclass, ap.oid, 0)
	FROM member m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid
	JOIN pg_amproc ap ON ap.amprocfamily = f.oid
	UNION ALL
	SELECT 'enum label ' || t.typname || '.' || e.enumlabel || ' #' || rank() OVER (PARTITION BY t.oid ORDER BY e.enumsortorder)
	FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	JOIN pg_enum e ON e.enumtypid = t.oid
	UNION ALL
	SELECT 'initial privileges ' || c.relname || ' ' || i.initprivs::text
	FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	JOIN pg_init_privs i ON i.classoid = 'pg_class'::regclass AND i.objoid = c.oid AND i.objsubid = 0
	UNION ALL
	SELECT 'dumped config ' || cfg.relid::regclass::text || ' where ' || coalesce(nullif(cfg.cond, ''), '(all rows)')
	FROM pg_extension x,
		 LATERAL unnest(x.extconfig, x.extcondition) AS cfg(relid, cond)
	WHERE x.extname = 'outage_window'
) AS s
ORDER BY line COLLATE "C";
SQL
}

# A user's own rows: an area and windows, an edited seed, a deleted seed,
# one deleted and put back, moved prefectures.
user_rows() {
	q "$@" <<'SQL'
INSERT INTO outage_area VALUES ('atami', '熱海市 (NTT East lines)');
INSERT INTO outage_schedule (area, period, note)
VALUES ('west', '[2025-03-01 01:00+09,2025-03-01 03:00+09) outage', 'user window'),
	   ('atami', '[2025-03-02 01:00+09,2025-03-02 03:00+09) outage', 'user window'),
	   (NULL, '[2025-03-03 01:00+09,2025-03-03 03:00+09) registration_delay', 'user window');
UPDATE outage_schedule SET note = 'edited seed' WHERE area = 'east' AND kind(period) = 'outage';
DELETE FROM outage_schedule WHERE id IN (3, 5);
INSERT INTO outage_schedule OVERRIDING SYSTEM VALUE
SELECT * FROM shipped_outage_windows() WHERE id = 5;
UPDATE prefecture_area SET area = 'west' WHERE prefecture = '新潟県';
UPDATE prefecture_area SET area = 'atami' WHERE prefecture = '静岡県';
SQL
}
user_state() {
	q "$1" -c "SELECT id, area, period::text, note, source FROM outage_schedule ORDER BY 1" \
		-c "SELECT * FROM outage_area ORDER BY 1" \
		-c "SELECT prefecture::text, area FROM prefecture_area ORDER BY prefecture" \
		-c "SELECT last_value FROM outage_schedule_id_seq" \
		-c "SELECT count(*) FROM generate_series(timestamptz '2025-01-20 00:00+09', '2025-03-05', '30 minutes') AS t
			WHERE is_eligibility_affected('新潟県'::prefecture, t)"
}

# The database owner who installs the extension in the second round.
dba=ow_versions_dba
clerk=ow_versions_clerk
psql -X -q -c "DROP ROLE IF EXISTS $dba" -c "CREATE ROLE $dba LOGIN" \
	-c "DROP ROLE IF EXISTS $clerk" -c "CREATE ROLE $clerk"
cleanup_role() { cleanup; psql -X -q -c "DROP ROLE IF EXISTS $dba" -c "DROP ROLE IF EXISTS $clerk"; }
trap cleanup_role EXIT

installed="$sharedir/$ext--$current.sql"
frozen="$OW_ROOT/versions/$ext--$current.sql"
if [ -f "$frozen" ]; then
	same_files "$frozen" "$installed" \
		"the installed $ext--$current.sql is the released one (versions/)" \
		"$ext--$current.sql differs from its released copy in versions/: a released script must not change; add a new version and an update script instead"
else
	ok "$current is not released yet (no versions/$ext--$current.sql), so its script may still change"
fi

# the released versions, from the frozen scripts
released=()
for f in "$OW_ROOT"/versions/"$ext"--*.sql; do
	[ -e "$f" ] || continue
	v=$(basename "$f" .sql)
	v=${v#"$ext"--}
	case $v in *--*) continue ;; esac
	released+=("$v")
done
[ ${#released[@]} -gt 0 ] || not_ok "versions/ holds no released install script"

for installer in superuser "$dba"; do
	if [ "$installer" = superuser ]; then
		as=()
		owner=()
	else
		as=(-U "$dba")
		owner=(-O "$dba")
	fi
	fresh=ow_versions_fresh
	createdb "${owner[@]}" "$fresh"
	dbs+=("$fresh")
	q "$fresh" "${as[@]}" -c "CREATE EXTENSION $ext"
	signature "$fresh" >"$work/fresh.sig"

	for v in "${released[@]}"; do
		[ "$v" = "$current" ] && continue
		path=$(q postgres -c "SELECT path FROM pg_extension_update_paths('$ext') WHERE source = '$v' AND target = '$current'")
		if [ -n "$path" ]; then
			ok "update path from $v to $current: $path"
		else
			not_ok "no update path from released $v to $current"
			continue
		fi
		db="ow_versions_from_${v//./_}"
		createdb "${owner[@]}" "$db"
		dbs+=("$db")
		q "$db" "${as[@]}" -c "CREATE EXTENSION $ext VERSION '$v'"
		user_rows "$db" "${as[@]}"
		user_state "$db" >"$work/$v.before"
		q "$db" "${as[@]}" -c "ALTER EXTENSION $ext UPDATE"
		got=$(q "$db" -c "SELECT extversion FROM pg_extension WHERE extname = '$ext'")
		[ "$got" = "$current" ] && ok "$v updated to $current, installed by $installer" ||
			not_ok "$v updated to '$got', not $current"
		signature "$db" >"$work/$v.sig"
		same_files "$work/fresh.sig" "$work/$v.sig" \
			"$v + update has the objects of a fresh $current ($(wc -l <"$work/fresh.sig") catalog lines), installed by $installer" \
			"$v + update differs from a fresh $current install (installed by $installer)"
		user_state "$db" >"$work/$v.after"
		same_files "$work/$v.before" "$work/$v.after" \
			"the user's windows, areas and prefectures are unchanged by the update from $v" \
			"the update from $v changed the user's rows"
		# 1.0 kept a seed put back on its list of deleted seeds, so a restore
		# deleted it again; the update takes it off
		deleted=$(q "$db" -c "SELECT string_agg(id::text, ',' ORDER BY id) FROM outage_schedule_deleted_seed")
		[ "$deleted" = 3 ] && ok "after the update only the seed still deleted is recorded as deleted" ||
			not_ok "deleted seeds after the update: $deleted (want 3)"
		q "$db" -c "ALTER DATABASE $db OWNER TO $dba"
		if q "$db" -U "$dba" -c "INSERT INTO outage_schedule (area, period) VALUES ('atami', '[2025-04-01 01:00+09,2025-04-01 02:00+09) outage')" \
			-c "DELETE FROM outage_schedule WHERE id = 1" >/dev/null; then
			ok "after the update the database owner edits the schedule"
		else
			not_ok "after the update the database owner cannot edit the schedule"
		fi
		dropdb "$db"

		# A grant made since the install stays a grant pg_dump dumps: an
		# extension script's GRANT records the whole privileges as initial,
		# and the update must not let it swallow the user's.
		createdb "${owner[@]}" "$db"
		q "$db" "${as[@]}" -c "CREATE EXTENSION $ext VERSION '$v'"
		q "$db" -c "GRANT INSERT, DELETE ON outage_schedule TO $clerk" -c "GRANT UPDATE ON outage_area TO public"
		q "$db" "${as[@]}" -c "ALTER EXTENSION $ext UPDATE"
		dumped=$(pg_dump -s -d "$db" | grep -c -E "^GRANT INSERT,DELETE ON TABLE [a-z_.]*outage_schedule TO $clerk;|^GRANT SELECT,UPDATE ON TABLE [a-z_.]*outage_area TO PUBLIC;" || true)
		[ "$dumped" = 2 ] && ok "grants made before the update from $v are still dumped (installed by $installer)" ||
			{ not_ok "grants made before the update from $v are not dumped (installed by $installer)"; pg_dump -s -d "$db" | grep -E "GRANT|REVOKE"; }
		dropdb "$db"
	done
	dropdb "$fresh"
done
echo "# released versions: ${released[*]}; current: $current"
exit $rc
