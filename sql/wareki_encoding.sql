--
-- wareki functions in an EUC_JP database: input is converted to UTF-8 for
-- the parser and output back to the server encoding.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
CREATE DATABASE wareki_euc_jp ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c wareki_euc_jp
SET client_encoding = 'UTF8';
SELECT pg_catalog.getdatabaseencoding();
CREATE EXTENSION outage_window;
SELECT wareki('2019-05-01'::date) AS long, octet_length(wareki('2019-05-01'::date)) AS server_bytes,
       wareki('2019-05-01'::date, 'short') AS short;
SELECT pg_catalog.to_char(from_wareki(v), 'YYYY-MM-DD') AS d
FROM (VALUES ('令和７年２月１日（土）'), ('平成31年4月30日'), ('R7.2.1'), ('5070201')) AS t(v);
SELECT outage_window_from_notice('東日本エリア：令和7年2月1日（土）22:00～2月2日（日）0:30（予定）');
\set VERBOSITY default
SELECT from_wareki('令和元年4月30日');
\set VERBOSITY sqlstate
SELECT from_wareki('令和7年2月1日(日)');
\c contrib_regression
DROP DATABASE wareki_euc_jp;
