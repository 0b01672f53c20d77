/* outage_window--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION outage_window UPDATE TO '1.1'" to load this file. \quit

--
-- 1.1 changes what a database owner can do with the extension and how it
-- survives dump and restore (doc/hardening.md, "Trust").  Each section below
-- matches the change in install/*.sql that a fresh 1.1 install makes.
--
