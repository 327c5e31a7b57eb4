/* src/jss--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION jss UPDATE TO '1.1'" to load this file. \quit

-- Version 1.1 only adds objects and changes C code behind existing ones;
-- every value stored by 1.0 (jss_state, jss_asof_state, jss_band) keeps its
-- format and its results.  Each section below matches the place in
-- jss--1.1.sql where a fresh install creates the same objects.
