#!/usr/bin/env bash
# bench/prefecture_sql.sh - per-row cost of text -> prefecture inside the server.
#
# For each form, a 1M-row table of that text; the cost per row is
# count(v::prefecture) minus count(v) (the scan and aggregate), median of
# 5 runs.  Runs against the server named by the usual PG* variables, in a
# database where the extension is installed (created if missing); it
# installs nothing.
set -euo pipefail
rows=${ROWS:-1000000}
psql -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION IF NOT EXISTS outage_window;
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = notice;
DO \$\$
DECLARE
	form text;
	r int;
	t0 timestamptz;
	t1 timestamptz;
	t2 timestamptz;
	base double precision[];
	diff double precision[];
BEGIN
	FOREACH form IN ARRAY ARRAY['13', '東京都', '東京', 'とうきょうと', 'トウキョウ',
		'ﾄｳｷｮｳﾄ', 'Tokyo', 'TOKYO TO', 'Tōkyō', 'Osaka-fu', 'ＴＯＫＹＯ', 'トーキョー']
	LOOP
		CREATE TEMP TABLE bench_prefecture AS
			SELECT form AS v FROM pg_catalog.generate_series(1, $rows);
		base := '{}';
		diff := '{}';
		FOR r IN 1..5 LOOP
			t0 := pg_catalog.clock_timestamp();
			PERFORM pg_catalog.count(v) FROM bench_prefecture;
			t1 := pg_catalog.clock_timestamp();
			PERFORM pg_catalog.count(v::prefecture) FROM bench_prefecture;
			t2 := pg_catalog.clock_timestamp();
			base := base || extract(epoch FROM t1 - t0);
			diff := diff || (extract(epoch FROM t2 - t1) - extract(epoch FROM t1 - t0));
		END LOOP;
		RAISE NOTICE '% : % ns/row (baseline scan % ns/row)', pg_catalog.rpad(form, 12),
			pg_catalog.round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) FROM unnest(diff) d)::numeric * 1e9 / $rows, 1),
			pg_catalog.round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY b) FROM unnest(base) b)::numeric * 1e9 / $rows, 1);
		DROP TABLE bench_prefecture;
	END LOOP;
END
\$\$;
SQL
