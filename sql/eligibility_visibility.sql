--
-- Which schedule a call sees: each statement sees the schedule as its
-- snapshot does, also where PL/pgSQL keeps one expression state across many
-- statements, and never rows of a rolled-back subtransaction.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
CREATE EXTENSION IF NOT EXISTS dblink;
RESET client_min_messages;

-- Another session commits a window between two iterations of a PL/pgSQL
-- loop.  Two more sessions pin the snapshot's bounds (an older open
-- transaction holds xmin, a newer committed one holds xmax), so only the
-- list of in-progress transactions tells the two snapshots apart.
SELECT format('host=%s port=%s dbname=%s user=%s',
			  split_part(current_setting('unix_socket_directories'), ',', 1),
			  current_setting('port'), current_database(), current_user) AS conninfo \gset
SELECT dblink_connect('older', :'conninfo'), dblink_connect('writer', :'conninfo'),
	   dblink_connect('newer', :'conninfo');
SELECT dblink_exec('older', 'BEGIN'), dblink_exec('writer', 'BEGIN');
SELECT * FROM dblink('older', 'SELECT pg_current_xact_id()::text') AS t(x text) WHERE false;
SELECT * FROM dblink('writer', 'SELECT pg_current_xact_id()::text') AS t(x text) WHERE false;
SELECT * FROM dblink('newer', 'SELECT pg_current_xact_id()::text') AS t(x text) WHERE false;
SELECT dblink_exec('writer', $$INSERT INTO outage_schedule (area, period, note)
	VALUES ('east', outage_window('2031-01-01 00:00+09', '2031-01-02 00:00+09'), 'visibility test')$$);

DO $$
DECLARE
	affected boolean;
	rows bigint;
BEGIN
	FOR i IN 1..2 LOOP
		affected := is_eligibility_affected('東京都'::prefecture, '2031-01-01 12:00+09'::timestamptz);
		rows := (SELECT count(*) FROM outage_schedule WHERE note = 'visibility test');
		RAISE NOTICE 'iteration %: window rows visible %, affected %', i, rows, affected;
		IF i = 1 THEN
			PERFORM dblink_exec('writer', 'COMMIT');
		END IF;
	END LOOP;
END;
$$;
SELECT dblink_exec('older', 'COMMIT');
SELECT dblink_disconnect('older'), dblink_disconnect('writer'), dblink_disconnect('newer');
DELETE FROM outage_schedule WHERE note = 'visibility test';

-- A window added inside a subtransaction that rolls back is gone for the
-- next statement, though that statement's snapshot looks the same.
DO $$
DECLARE
	inside boolean;
	after boolean;
BEGIN
	BEGIN
		INSERT INTO outage_schedule (area, period, note)
		VALUES ('east', outage_window('2031-02-01 00:00+09', '2031-02-02 00:00+09'), 'rolled back');
		inside := is_eligibility_affected('東京都'::prefecture, '2031-02-01 12:00+09'::timestamptz);
		RAISE EXCEPTION 'roll back';
	EXCEPTION WHEN raise_exception THEN
		NULL;
	END;
	after := is_eligibility_affected('東京都'::prefecture, '2031-02-01 12:00+09'::timestamptz);
	RAISE NOTICE 'inside the subtransaction: %, after its rollback: %', inside, after;
END;
$$;

-- The same in a transaction block with a savepoint.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT is_eligibility_affected('東京都'::prefecture, '2031-03-01 12:00+09'::timestamptz) AS before_insert;
SAVEPOINT s;
INSERT INTO outage_schedule (area, period, note)
VALUES ('east', outage_window('2031-03-01 00:00+09', '2031-03-02 00:00+09'), 'savepoint test');
SELECT is_eligibility_affected('東京都'::prefecture, '2031-03-01 12:00+09'::timestamptz) AS after_insert;
ROLLBACK TO SAVEPOINT s;
SELECT is_eligibility_affected('東京都'::prefecture, '2031-03-01 12:00+09'::timestamptz) AS after_rollback;
COMMIT;

-- The schedule cache is told of changes by invalidation.  In a READ
-- COMMITTED transaction block, the next statement sees a window another
-- session committed in between, although this session takes no new lock.
SELECT dblink_connect('writer', :'conninfo');
BEGIN;
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-01 12:00+09'::timestamptz) AS before_commit,
	   is_eligibility_affected('東京都', '2031-04-01 12:00'::timestamp) AS local_form,
	   eligibility_impact_on_day('東京都'::prefecture, '2031-04-01'::date) AS day_form;
SELECT dblink_exec('writer', $$INSERT INTO outage_schedule (area, period, note)
	VALUES ('east', outage_window('2031-04-01 00:00+09', '2031-04-02 00:00+09'), 'read committed test')$$);
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-01 12:00+09'::timestamptz) AS after_commit,
	   is_eligibility_affected('東京都', '2031-04-01 12:00'::timestamp) AS local_form,
	   eligibility_impact_on_day('東京都'::prefecture, '2031-04-01'::date) AS day_form;
COMMIT;

-- A REPEATABLE READ transaction keeps its view of the schedule after
-- another session's change; the next transaction sees the change.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-01 12:00+09'::timestamptz) AS rr_before;
SELECT dblink_exec('writer', $$DELETE FROM outage_schedule WHERE note = 'read committed test'$$);
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-01 12:00+09'::timestamptz) AS rr_after_delete,
	   (SELECT count(*) FROM outage_schedule WHERE note = 'read committed test') AS rr_rows;
COMMIT;
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-01 12:00+09'::timestamptz) AS next_transaction;

-- A schedule read by a REPEATABLE READ transaction is not kept for the
-- next one, even when no statement of this session runs in between.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-03 12:00+09'::timestamptz) AS rr2_before;
SELECT dblink_exec('writer', $$INSERT INTO outage_schedule (area, period, note)
	VALUES ('east', outage_window('2031-04-03 00:00+09', '2031-04-04 00:00+09'), 'read committed test')$$);
COMMIT;
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-03 12:00+09'::timestamptz) AS rr2_next;

-- A PL/pgSQL loop of simple expressions only (one expression state for
-- the whole transaction) sees the other session's commit at its next turn.
DO $$
DECLARE
	affected boolean;
BEGIN
	FOR i IN 1..2 LOOP
		affected := is_eligibility_affected('東京都'::prefecture, '2031-04-05 12:00+09'::timestamptz);
		RAISE NOTICE 'simple loop iteration %: affected %', i, affected;
		IF i = 1 THEN
			affected := dblink_exec('writer', $q$INSERT INTO outage_schedule (area, period, note)
				VALUES ('east', outage_window('2031-04-05 00:00+09', '2031-04-06 00:00+09'), 'read committed test')$q$) IS NOT NULL;
		END IF;
	END LOOP;
END;
$$;

-- Own changes: seen by the next statement of the same transaction, gone
-- after ROLLBACK TO SAVEPOINT, also in READ COMMITTED.
BEGIN;
SAVEPOINT s;
UPDATE prefecture_area SET area = 'west' WHERE prefecture = '東京都';
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-05 12:00+09'::timestamptz) AS moved_west;
ROLLBACK TO SAVEPOINT s;
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-05 12:00+09'::timestamptz) AS back_east;
COMMIT;
SELECT dblink_exec('writer', $$DELETE FROM outage_schedule WHERE note = 'read committed test'$$);
SELECT is_eligibility_affected('東京都'::prefecture, '2031-04-05 12:00+09'::timestamptz) AS deleted;
SELECT dblink_disconnect('writer');

SET client_min_messages = warning;
DROP EXTENSION dblink;
RESET client_min_messages;
