--
-- Everything the extension puts in the catalog, as a DBA sees it in psql,
-- carries a COMMENT: every member object, and the triggers on its tables.
-- Runs last (name order), after every other suite created what it creates.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;

SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS without_comment
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND d.refclassid = 'pg_extension'::regclass
WHERE e.extname = 'outage_window' AND d.deptype = 'e'
  AND obj_description(d.objid, d.classid::regclass::name) IS NULL
  -- a type's array type and a table's row type are described by their base
  AND NOT (d.classid = 'pg_type'::regclass
		   AND EXISTS (SELECT FROM pg_type t WHERE t.oid = d.objid
					   AND (t.typelem <> 0 OR t.typrelid <> 0)))
UNION ALL
SELECT pg_describe_object('pg_trigger'::regclass, t.oid, 0)
FROM pg_trigger t
JOIN pg_depend d ON d.objid = t.tgrelid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
WHERE NOT t.tgisinternal AND obj_description(t.oid, 'pg_trigger') IS NULL
ORDER BY 1;

-- Columns of the extension's tables.
SELECT c.relname, a.attname
FROM pg_class c
JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'outage_window'
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind = 'r' AND col_description(c.oid, a.attnum) IS NULL
ORDER BY 1, 2;
