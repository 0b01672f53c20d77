--
-- extension_versions: what ALTER EXTENSION ... UPDATE can do.
--
-- 1.0 is the first version, so there is no update script yet.  Its released
-- script is frozen in versions/, and test/scenarios/extension_versions.sh
-- fails if the install script changes while default_version is 1.0.  The
-- next version adds versions/outage_window--1.0--1.1.sql, raises
-- default_version, and replaces the "no update path" assertions below
-- (doc/hardening.md, "Upgrades"); that scenario then updates from 1.0.
--
BEGIN;
SELECT plan(5);

SELECT is(
	(SELECT default_version FROM pg_available_extensions WHERE name = 'outage_window'),
	'1.0', 'the control file''s default_version is 1.0');
SELECT ok(
	EXISTS (SELECT 1 FROM pg_available_extension_versions v
			JOIN pg_available_extensions e USING (name)
			WHERE v.name = 'outage_window' AND v.version = e.default_version),
	'the default version has an install script');
SELECT is(
	(SELECT array_agg(version ORDER BY version) FROM pg_available_extension_versions
	 WHERE name = 'outage_window'),
	ARRAY['1.0']::text[], '1.0 is the only version installed');
SELECT is(
	(SELECT count(*) FROM pg_extension_update_paths('outage_window') WHERE path IS NOT NULL),
	0::bigint, 'no update path yet (1.0 is the first version)');
SELECT is(
	(SELECT trusted FROM pg_available_extension_versions
	 WHERE name = 'outage_window' AND version = '1.0'),
	true, 'trusted: a database owner may install it');

SELECT * FROM finish();
ROLLBACK;
