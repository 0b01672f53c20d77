--
-- extension_versions: what ALTER EXTENSION ... UPDATE can do.
--
-- Released install scripts are frozen in versions/ with the update scripts
-- between them; test/scenarios/extension_versions.sh updates a database of
-- every released version to the current one and compares it with a fresh
-- install (doc/hardening.md, "Upgrades").
--
BEGIN;
SELECT plan(5);

SELECT is(
	(SELECT default_version FROM pg_available_extensions WHERE name = 'outage_window'),
	'1.1', 'the control file''s default_version is 1.1');
SELECT ok(
	EXISTS (SELECT 1 FROM pg_available_extension_versions v
			JOIN pg_available_extensions e USING (name)
			WHERE v.name = 'outage_window' AND v.version = e.default_version),
	'the default version has an install script');
SELECT is(
	(SELECT array_agg(version ORDER BY version) FROM pg_available_extension_versions
	 WHERE name = 'outage_window'),
	ARRAY['1.0', '1.1']::text[], '1.0 (released) and 1.1 are installed');
SELECT is(
	(SELECT path FROM pg_extension_update_paths('outage_window')
	 WHERE source = '1.0' AND target = '1.1'),
	'1.0--1.1', '1.0 updates to 1.1 in one step');
SELECT is(
	(SELECT bool_and(trusted) FROM pg_available_extension_versions
	 WHERE name = 'outage_window'),
	true, 'trusted: a database owner may install every version');

SELECT * FROM finish();
ROLLBACK;
