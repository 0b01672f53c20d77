--
-- The receipt file in an EUC_JP database (classic ORCA's): text is
-- converted from CP932 to the server encoding, and a 不詳 comment is
-- found as in UTF8.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS outage_window;
RESET client_min_messages;
\set east `base64 -w0 test/fixtures/uke/east_2025_02.UKE`
CREATE DATABASE uke_euc_jp ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c uke_euc_jp
SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';
CREATE EXTENSION outage_window;
SELECT pg_catalog.getdatabaseencoding();
-- 髙 and 﨑 (CP932's IBM extensions) arrive as EUC_JP holds them
SELECT receipt_number, patient_name, patient_kana, facility_name, comments
FROM uke_claims(decode(:'east', 'base64'), lenient => true);
SELECT line, record, field, error FROM uke_errors(decode(:'east', 'base64'));
SELECT receipt_number, reasons FROM uke_affected_claims(decode(:'east', 'base64'), lenient => true);
\c contrib_regression
DROP DATABASE uke_euc_jp;
