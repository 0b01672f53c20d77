-- bench/notice.sql - outage_notice_windows() per call, inside the server.
-- Run by bench/notice.sh --sql, which sets :rows, :runs, :letter, :later.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;

CREATE FUNCTION pg_temp.time_notice(notice text, published date, n int, runs int)
RETURNS TABLE (median_us numeric, min_us numeric, max_us numeric, windows bigint)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	per float8[] := '{}';
	c bigint;
BEGIN
	PERFORM count(*) FROM outage_notice_windows(notice, published);
	FOR r IN 1..runs LOOP
		t0 := clock_timestamp();
		FOR i IN 1..n LOOP
			SELECT count(*) INTO c FROM outage_notice_windows(notice, published);
		END LOOP;
		per := per || (extract(epoch FROM clock_timestamp() - t0) * 1e6 / n);
	END LOOP;
	RETURN QUERY
	SELECT round((SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(per) x)::numeric, 1),
		   round((SELECT min(x) FROM unnest(per) x)::numeric, 1),
		   round((SELECT max(x) FROM unnest(per) x)::numeric, 1), c;
END $$;

SELECT 'notice of 2025-01-30' AS notice, octet_length(:'letter') AS bytes, *
FROM pg_temp.time_notice(:'letter', '2025-01-30', :rows, :runs)
UNION ALL
SELECT 'bench/notice_10k.ja.txt', octet_length(:'later'), *
FROM pg_temp.time_notice(:'later', '2027-03-01', :rows, :runs);
