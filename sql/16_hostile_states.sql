--
-- Hostile states: every function that takes a jss_state or a
-- jss_asof_state, fed hand-written text and binary states: malformed, inconsistent,
-- at the documented bounds and one past them, truncated and oversized.  Each is
-- rejected with the SQLSTATE of the README's error table (22P02 text, 22P03 binary,
-- 22003 out of range) or works correctly; none crashes.  And no function changes
-- its input in place outside an aggregate.
--
-- sql/09_state_io.sql tests the parsers case by case and sql/14_asof.sql the
-- as-of text form; this file adds what they do not: the cases put through every
-- function (not only the cast), limits and one past them for every field, long
-- and 1 MB inputs, the as-of binary form, and the in-place rule.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'UTC';

-- 'ok', or the SQLSTATE of running the statement
CREATE FUNCTION pg_temp.try(query text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE query;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

-- Every function that takes a jss_state, as a template: %1$s is the state (an
-- expression), used once or twice.  Aggregates and window functions over it too.
CREATE TEMP TABLE state_fns (fn text, template text);
INSERT INTO state_fns VALUES
  ('jss_score', 'SELECT jss_score(%1$s)'),
  ('jss_score prior', 'SELECT jss_score(%1$s, 0, 0, 1)'),
  ('jss_score huge prior', 'SELECT jss_score(%1$s, 1e300, 0.5, 2147483647)'),
  ('jss_satisfaction_ratio', 'SELECT jss_satisfaction_ratio(%1$s)'),
  ('jss_trend_slope', 'SELECT jss_trend_slope(%1$s)'),
  ('jss_contracts', 'SELECT jss_contracts(%1$s)'),
  ('jss_first_ended', 'SELECT jss_first_ended(%1$s)'),
  ('jss_last_ended', 'SELECT jss_last_ended(%1$s)'),
  ('jss_needs_review', 'SELECT jss_needs_review(%1$s)'),
  ('jss_explain', 'SELECT jss_explain(%1$s)'),
  ('jss_explain prior', 'SELECT jss_explain(%1$s, 1e300, 0.5, 1)'),
  ('jss_contracts_needed', 'SELECT jss_contracts_needed(%1$s)'),
  ('jss_contracts_needed 100', 'SELECT jss_contracts_needed(%1$s, 100)'),
  ('jss_contracts_needed tiny', 'SELECT jss_contracts_needed(%1$s, 1e-300)'),
  ('jss_outcome_accum', 'SELECT jss_outcome_accum(%1$s, 1)'),
  ('jss_outcome_accum weight', 'SELECT jss_outcome_accum(%1$s, -1, 1e6)'),
  ('jss_agg_accum', 'SELECT jss_agg_accum(%1$s, 0.5, ''4714-11-24 00:00+00 BC'')'),
  ('jss_agg_accum weight', 'SELECT jss_agg_accum(%1$s, -1, ''294276-12-31 23:59:59.999999+00'', 1e6)'),
  ('jss_state_combine self', 'SELECT jss_state_combine(%1$s, %1$s)'),
  ('jss_state_combine null left', 'SELECT jss_state_combine(NULL, %1$s)'),
  ('jss_state_combine null right', 'SELECT jss_state_combine(%1$s, NULL)'),
  ('jss_state_combine one row', 'SELECT jss_state_combine(%1$s, (SELECT jss_agg(1, ''2026-01-01 00:00+00'')))'),
  ('jss_state_final', 'SELECT jss_state_final(%1$s)'),
  ('jss_score_final', 'SELECT jss_score_final(%1$s)'),
  ('jss_client_weight_final', 'SELECT jss_client_weight_final(%1$s)'),
  ('jss_state_send', 'SELECT jss_state_send(%1$s)'),
  ('jss_state_out/in', 'SELECT %1$s::text::jss_state'),
  ('jss_rollup', 'SELECT jss_rollup(x) FROM (VALUES (%1$s), (NULL)) v(x)'),
  ('jss_rollup self', 'SELECT jss_rollup(x) FROM (VALUES (%1$s), (%1$s)) v(x)'),
  ('jss_rollup group by', 'SELECT g, jss_score(jss_rollup(x)) FROM (VALUES (1, %1$s), (2, %1$s), (1, NULL)) v(g, x) GROUP BY g'),
  ('jss_rollup window', 'SELECT jss_rollup(x) OVER (ORDER BY i) FROM (VALUES (1, %1$s), (2, NULL)) v(i, x)');

--
-- 1. Malformed and inconsistent text, put through every function: 22P02 from the
--    input function, whichever function the state is for
--
CREATE TEMP TABLE base AS
SELECT jss_agg(o, t)::text AS v
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
             (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t);
CREATE TEMP TABLE bad_text (name text, txt text);
INSERT INTO bad_text SELECT name, txt FROM base, LATERAL (VALUES
  ('wrong version v2', replace(v, 'v1 ', 'v2 ')),
  ('version v65537', replace(v, 'v1 ', 'v65537 ')),
  ('version with 100000 digits', 'v' || repeat('1', 100000) || substr(v, 3)),
  ('n < neutral', replace(v, 'neutral=1', 'neutral=4')),
  ('dated > n', replace(v, 'dated=3', 'dated=4')),
  ('w_pos + w_neg > w', replace(v, 'w_pos=4294967296', 'w_pos=8589934593')),
  ('first > last', replace(v, 'first=2026-01-01T00:00:00Z', 'first=2026-03-02T00:00:00.000001Z')),
  ('first set when dated = 0', 'v1 n=1 neutral=1 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2026-01-01T00:00:00Z last=none'),
  ('sums with no rows', 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=1 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'),
  ('weight of 2 rows, n = 1', 'v1 n=1 neutral=0 dated=0 w=8589934592000001 w_pos=8589934592000001 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'),
  ('outcome above 1 (wo_pos > w_pos * 2^32)', replace(v, 'wo_pos=18446744073709551616', 'wo_pos=18446744073709551617')),
  ('Cauchy-Schwarz broken (woo too small)', regexp_replace(v, ' woo=\S+', ' woo=79228162514264337593543950335')),
  ('time sums beyond the dates', regexp_replace(v, ' wx=\S+', ' wx=' || (12884901888 * 9558)::text)),
  ('count with 1000 digits', replace(v, ' n=3', ' n=' || repeat('9', 1000))),
  ('sum with 100000 digits', replace(v, ' w=12884901888', ' w=' || repeat('7', 100000))),
  ('time with 1000-digit year', replace(v, 'first=2026', 'first=' || repeat('2', 1000))),
  ('fraction with 1000 digits', replace(v, 'first=2026-01-01T00:00:00Z', 'first=2026-01-01T00:00:00.' || repeat('0', 1000) || 'Z')),
  ('1 MB of digits', 'v1 n=' || repeat('1', 1048576)),
  ('1 MB of junk after the text', v || ' ' || repeat('x', 1048576)),
  ('1 MB of fields after the text', v || repeat(' woo=0', 174763)),
  ('1 MB of blanks inside', replace(v, ' n=3', repeat(' ', 1048576) || 'n=3')),
  ('non-ASCII digit', replace(v, ' n=3', ' n=３')),
  ('NUL-like escape', replace(v, ' n=3', ' n=3\000')),
  ('every field empty', 'v1 n= neutral= dated= w= w_pos= w_neg= wo_pos= wo_neg= wx= wxx= wxo= woo= first= last='),
  ('extra field in the middle', replace(v, ' dated=3', ' dated=3 extra=0'))
) c(name, txt);
SELECT name, length(txt) AS chars,
       pg_temp.try(format('SELECT %L::jss_state', txt)) AS input,
       string_agg(DISTINCT pg_temp.try(format(f.template, quote_literal(txt) || '::jss_state')), ', ') AS every_function
FROM bad_text, state_fns f
GROUP BY name, txt ORDER BY name;
-- 1 MB of blanks around a valid text, and 100000 leading zeros in a sum: the same state
SELECT (repeat(' ', 1048576) || v || repeat(' ', 1048576))::jss_state::text = v AS padded_1mb,
       replace(v, ' w=12884901888', ' w=' || repeat('0', 100000) || '12884901888')::jss_state::text = v AS leading_zeros,
       replace(v, ' w_neg=4294967296', ' w_neg=4294967296')::jss_state::text = v AS same
FROM base;
-- a valid text mixed with a malformed one in a rollup: the malformed one's error
SELECT jss_rollup(x::jss_state) FROM (SELECT v FROM base UNION ALL SELECT replace(v, 'dated=3', 'dated=4') FROM base) b(x);  -- error
\echo :SQLSTATE

--
-- 2. States at the documented bounds (2^40 contracts, weight 10^6, the whole timestamptz
--    range) and one past each: the bound is accepted, one unit more is 22P02
--
CREATE TEMP TABLE k AS
SELECT 4294967296::numeric AS p32, 18446744073709551616::numeric AS p64,
       79228162514264337593543950336::numeric AS p96, 1099511627776::numeric AS nmax,
       1099511627776::numeric * 1000000 * 4294967296 AS wmax,
       ('294276-12-31'::date - '2000-01-01'::date)::numeric AS dmax,
       ('4714-11-24 BC'::date - '2000-01-01'::date)::numeric AS dmin,
       '294276-12-31T23:59:59.999999Z'::text AS tmax, '-4713-11-24T00:00:00Z'::text AS tmin;
CREATE FUNCTION pg_temp.state_text(n numeric, neutral numeric, dated numeric, w numeric, w_pos numeric,
                                   w_neg numeric, wo_pos numeric, wo_neg numeric, wx numeric,
                                   wxx numeric, wxo numeric, woo numeric, first text, last text)
RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format('v1 n=%s neutral=%s dated=%s w=%s w_pos=%s w_neg=%s wo_pos=%s wo_neg=%s wx=%s wxx=%s wxo=%s woo=%s first=%s last=%s',
                    n, neutral, dated, w, w_pos, w_neg, wo_pos, wo_neg, wx, wxx, wxo, woo, first, last) $$;
CREATE TEMP TABLE limit_states (name text, txt text);
INSERT INTO limit_states
SELECT name, txt FROM k, LATERAL (VALUES
  ('2^40 rows of weight 10^6 and outcome 1 on the last day',
   pg_temp.state_text(nmax, 0, nmax, wmax, wmax, 0, wmax * p32, 0, wmax * dmax, wmax * dmax * dmax,
                      wmax * dmax * p32, wmax * p64, tmax, tmax)),
  ('2^40 rows of weight 10^6 and outcome -1 on the first day',
   pg_temp.state_text(nmax, 0, nmax, wmax, 0, wmax, 0, wmax * p32, wmax * dmin, wmax * dmin * dmin,
                      -wmax * dmin * p32, wmax * p64, tmin, tmin)),
  ('2^40 neutral rows of weight 10^6 at both ends',
   pg_temp.state_text(nmax, nmax, nmax, wmax, 0, 0, 0, 0, wmax / 2 * (dmin + dmax),
                      wmax / 2 * (dmin * dmin + dmax * dmax), 0, 0, tmin, tmax)),
  ('2^40 - 1 undated rows of weight 10^6, outcome 1',
   pg_temp.state_text(nmax - 1, 0, 0, wmax - 1000000 * p32, wmax - 1000000 * p32, 0,
                      (wmax - 1000000 * p32) * p32, 0, 0, 0, 0, 0, 'none', 'none')),
  ('2^40 undated rows of weight 10^6, just short of perfect',
   pg_temp.state_text(nmax, 0, 0, wmax, wmax, 0, wmax * p32 - 470728525925 * p64, 0, 0, 0, 0, 0, 'none', 'none')),
  ('one row of weight 0', pg_temp.state_text(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')),
  ('one row of weight 2^-32, outcome -2^-32',
   pg_temp.state_text(1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 'none', 'none')),
  ('half dated', pg_temp.state_text(2, 0, 1, 2 * p32, 2 * p32, 0, 2 * p64, 0, p32 * 9497,
                                    p32 * 9497 * 9497, p64 * 9497, p96, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')),
  ('empty', pg_temp.state_text(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'none', 'none'))
) v(name, txt);
-- every one reads
SELECT name, pg_temp.try(format('SELECT %L::jss_state', txt)) AS input FROM limit_states ORDER BY name;
-- one past each bound, from the first limit state
CREATE TEMP TABLE past (name text, txt text);
INSERT INTO past
SELECT name, txt FROM k, LATERAL (VALUES
  ('n = dated = 2^40 + 1, sums as for 2^40',
   pg_temp.state_text(nmax + 1, 0, nmax + 1, wmax, wmax, 0, wmax * p32, 0, wmax * dmax, wmax * dmax * dmax,
                      wmax * dmax * p32, wmax * p64, tmax, tmax)),
  ('w one unit past 2^40 * 10^6',
   pg_temp.state_text(nmax, 0, 0, wmax + 1, wmax, 0, wmax * p32, 0, 0, 0, 0, 0, 'none', 'none')),
  ('w_pos one unit past w',
   pg_temp.state_text(nmax, 0, 0, wmax, wmax + 1, 0, wmax * p32, 0, 0, 0, 0, 0, 'none', 'none')),
  ('wo_pos one unit past w_pos * 2^32',
   pg_temp.state_text(nmax, 0, 0, wmax, wmax, 0, wmax * p32 + 1, 0, 0, 0, 0, 0, 'none', 'none')),
  ('wo_neg one unit past w_neg * 2^32',
   pg_temp.state_text(nmax, 0, 0, wmax, 0, wmax, 0, wmax * p32 + 1, 0, 0, 0, 0, 'none', 'none')),
  ('wx one unit past w * last day',
   pg_temp.state_text(nmax, 0, nmax, wmax, wmax, 0, wmax * p32, 0, wmax * dmax + 1, wmax * dmax * dmax,
                      wmax * dmax * p32, wmax * p64, tmax, tmax)),
  ('wxx one unit past w * last day^2',
   pg_temp.state_text(nmax, 0, nmax, wmax, wmax, 0, wmax * p32, 0, wmax * dmax, wmax * dmax * dmax + 1,
                      wmax * dmax * p32, wmax * p64, tmax, tmax)),
  ('wxo one unit past w * last day * 2^32',
   pg_temp.state_text(nmax, 0, nmax, wmax, wmax, 0, wmax * p32, 0, wmax * dmax, wmax * dmax * dmax,
                      wmax * dmax * p32 + 1, wmax * p64, tmax, tmax)),
  ('woo one unit past w * 2^64',
   pg_temp.state_text(nmax, 0, nmax, wmax, wmax, 0, wmax * p32, 0, wmax * dmax, wmax * dmax * dmax,
                      wmax * dmax * p32, wmax * p64 + 1, tmax, tmax)),
  ('last one microsecond past the range',
   pg_temp.state_text(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, tmax, '294277-01-01T00:00:00Z')),
  ('woo at 2^160', pg_temp.state_text(1, 0, 1, p32, p32, 0, p64, 0, 0, 0, 0,
                                       1461501637330902918203684832716283019655932542976, '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z'))
) v(name, txt);
SELECT name, pg_temp.try(format('SELECT %L::jss_state', txt)) AS input,
       string_agg(DISTINCT pg_temp.try(format(f.template, quote_literal(txt) || '::jss_state')), ', ') AS every_function
FROM past, state_fns f GROUP BY name, txt ORDER BY name;

--
-- 3. The states at the bounds through every function: each works, or fails with
--    22003 when the result would pass 2^40 contracts (or the answer an integer)
--
SET statement_timeout = '5s';
SELECT s.name, count(*) FILTER (WHERE r = 'ok') AS ok,
       coalesce(string_agg(f.fn || ' ' || r, ', ' ORDER BY f.fn) FILTER (WHERE r <> 'ok'), '') AS errors
FROM limit_states s, state_fns f,
     LATERAL pg_temp.try(format(f.template, quote_literal(s.txt) || '::jss_state')) r
GROUP BY s.name ORDER BY s.name;
RESET statement_timeout;
-- and what works is right: the accessors agree with each other, with the fields and
-- with the final functions, and stay in their ranges
SELECT name,
       jss_contracts(s) = (regexp_match(txt, ' n=(\d+)'))[1]::bigint AS contracts,
       jss_score(s) IS NULL OR jss_score(s) BETWEEN 0 AND 100 AS score_0_100,
       jss_score(s) IS NOT DISTINCT FROM jss_score_final(s) AS final_is_accessor,
       (jss_explain(s) ->> 'score')::float8 IS NOT DISTINCT FROM jss_score(s) AS explain_score,
       (jss_explain(s) ->> 'contracts')::bigint = jss_contracts(s) AS explain_contracts,
       jss_satisfaction_ratio(s) IS NULL OR jss_satisfaction_ratio(s) BETWEEN 0 AND 1 AS ratio_0_1,
       jss_client_weight_final(s) > 0 AND jss_client_weight_final(s) <= 1 AS client_weight,
       jss_first_ended(s) IS NOT DISTINCT FROM jss_last_ended(s) OR jss_first_ended(s) < jss_last_ended(s) AS first_last,
       jss_state_final(s)::text = txt AND jss_state_combine(NULL, s)::text = txt
         AND jss_state_combine(s, NULL)::text = txt AS final_combine_identity,
       jss_state_combine(s, 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none')::text = txt
         AS plus_empty
FROM (SELECT name, txt, txt::jss_state AS s FROM limit_states) x
ORDER BY name;
-- scores of the largest states: exact values
SELECT name, jss_score(s) AS score, jss_score(s, 0) AS raw, jss_satisfaction_ratio(s) AS ratio,
       jss_trend_slope(s) AS slope, jss_needs_review(s) AS review, jss_explain(s) -> 'trend_t' AS t
FROM (SELECT name, txt::jss_state AS s FROM limit_states) x ORDER BY name;
-- 2^40 - 1 rows take exactly one more, not two
SELECT jss_contracts(jss_outcome_accum(txt::jss_state, 1)) AS one_more
FROM limit_states WHERE name LIKE '2^40 - 1%';
SELECT jss_outcome_accum(jss_outcome_accum(txt::jss_state, 1), 1) FROM limit_states WHERE name LIKE '2^40 - 1%';  -- error
\echo :SQLSTATE
-- contracts needed near the bounds: quick (a statement_timeout of 5 s is far more than
-- enough), and right: k perfect contracts reach the target and k - 1 do not.  The score
-- of the state plus k contracts of outcome 1 and weight 1 is computed here as jss_score
-- computes it (the sums converted to float8, then 100 * (N + K*m) / (W + K)); a state
-- cannot hold them (it has 2^40 contracts already).  Each float8 step is done exactly in
-- numeric and rounded once (numeric to float8 rounds correctly), as IEEE arithmetic does:
-- the server's own float8 operators round twice on 32-bit x86, whose x87 unit computes
-- in 80 bits, and this check must not depend on how the server was compiled.
CREATE FUNCTION pg_temp.pow2(e int) RETURNS numeric  -- 2^e, exactly
LANGUAGE sql AS $$
  SELECT CASE WHEN e >= 0 THEN 2::numeric ^ e ELSE 1::numeric(300, 250) / 2::numeric ^ -e END $$;
CREATE FUNCTION pg_temp.exact(x float8) RETURNS numeric  -- the value of x > 0, exactly
LANGUAGE sql AS $$
  SELECT (x / 2 ^ e)::bigint * pg_temp.pow2(e)  -- x / 2^e: an integer below 2^63, no rounding
  FROM (SELECT floor(ln(x) / ln(2))::int - 60 AS e) y $$;
CREATE FUNCTION pg_temp.score_plus(s jss_state, k bigint) RETURNS float8
LANGUAGE sql AS $$
  SELECT (100 * pg_temp.exact(least(1, greatest(0, (round(pg_temp.exact(n), 100) / pg_temp.exact(d))::float8))))::float8
  FROM (SELECT (pg_temp.exact((wo_pos - wo_neg + k * pg_temp.pow2(64))::float8) * pg_temp.pow2(-64) + 3)::float8 AS n,
               (pg_temp.exact((w + k * pg_temp.pow2(32))::float8) * pg_temp.pow2(-32) + 3)::float8 AS d
        FROM (SELECT f[1]::numeric AS w, f[2]::numeric AS wo_pos, f[3]::numeric AS wo_neg
              FROM regexp_match(s::text, ' w=(\d+) .* wo_pos=(\d+) wo_neg=(\d+) ') f) sums) x $$;
SELECT jss_score(s) = pg_temp.score_plus(s, 0) AS same_formula
FROM (SELECT txt::jss_state AS s FROM limit_states WHERE name LIKE '%short of perfect') x;
SET statement_timeout = '5s';
SELECT target, k IS NOT NULL AS answered, pg_temp.score_plus(s, k) >= target AS k_reach,
       CASE WHEN k = 0 THEN true ELSE pg_temp.score_plus(s, k - 1) < target END AS one_fewer_does_not
FROM (SELECT txt::jss_state AS s FROM limit_states WHERE name LIKE '%short of perfect') x,
     unnest(ARRAY[90, 99.99995718748997, 99.99995718749]::float8[]) target,
     LATERAL (SELECT jss_contracts_needed(s, target) AS k) y;
SELECT jss_contracts_needed(txt::jss_state, 99.9999572) FROM limit_states WHERE name LIKE '%short of perfect';  -- error
\echo :SQLSTATE
RESET statement_timeout;

--
-- 4. Binary input (jss_state_recv through COPY ... FORMAT binary): new cases beyond
--    09_state_io's, the 1 MB value included.  22P03 for every malformed value.
--
-- v as len big-endian bytes, two's complement
CREATE FUNCTION pg_temp.be(v numeric, len int) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  r bytea := '';
  x numeric := v;
  m numeric := 1;
BEGIN
  FOR i IN 1..len LOOP m := m * 256; END LOOP;
  IF x < 0 THEN x := x + m; END IF;
  FOR i IN 1..len LOOP
    r := set_byte('\x00'::bytea, 0, mod(x, 256)::int) || r;
    x := div(x, 256);
  END LOOP;
  RETURN r;
END $$;
CREATE TEMP TABLE recv_state (s jss_state);
CREATE TEMP TABLE recv_asof (a jss_asof_state);
-- load one value (any length) into tbl through a binary COPY file; 'ok' or the SQLSTATE
CREATE FUNCTION pg_temp.recv(tbl text, payload bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  path text := '/tmp/jss_hostile_states_' || pg_backend_pid() || '.copy';
  lo oid;
BEGIN
  EXECUTE format('DELETE FROM %I', tbl);
  lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                         || '\x0001'::bytea || int4send(length(payload)) || payload || '\xffff'::bytea);
  PERFORM lo_export(lo, path);
  PERFORM lo_unlink(lo);
  EXECUTE format('COPY %I FROM %L (FORMAT binary)', tbl, path);
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;
CREATE TEMP TABLE limit_binary AS
SELECT name, jss_state_send(txt::jss_state) AS b FROM limit_states;
-- every state at the bounds arrives unchanged
SELECT name, pg_temp.recv('recv_state', b) AS recv,
       (SELECT s::text FROM recv_state) = (SELECT txt FROM limit_states l WHERE l.name = b.name) AS same
FROM limit_binary b ORDER BY name;
-- field offsets (1-based): version 1, flags 3, n 5, neutral 13, dated 21, first 29, last 37,
-- w 45, w_pos 61, w_neg 77, wo_pos 93, wo_neg 109, wx 125, wxx 141, wxo 165, woo 189; length 212
CREATE TEMP TABLE bad_binary (name text, payload bytea);
INSERT INTO bad_binary
SELECT c.name, c.p
FROM k, (SELECT b FROM limit_binary WHERE name LIKE '%outcome 1 on the last day') l,
     (SELECT b AS e FROM limit_binary WHERE name = 'empty') e,
     LATERAL (VALUES
  ('1 MB, version 1', '\x0001'::bytea || decode(repeat('00', 1048574), 'hex')),
  ('1 MB of 0xff', decode(repeat('ff', 1048576), 'hex')),
  ('valid state then 1 MB', l.b || decode(repeat('00', 1048576), 'hex')),
  ('valid state then a second field', l.b || e),
  ('n = dated = 2^40 + 1', overlay(overlay(l.b PLACING int8send(1099511627777) FROM 5) PLACING int8send(1099511627777) FROM 21)),
  ('neutral = n + 1', overlay(e PLACING int8send(1) FROM 13)),
  ('dated = n + 1', overlay(e PLACING int8send(1) FROM 21)),
  ('w one unit past its bound', overlay(l.b PLACING pg_temp.be(wmax + 1, 16) FROM 45)),
  ('w_pos one unit past w', overlay(l.b PLACING pg_temp.be(wmax + 1, 16) FROM 61)),
  ('wo_pos one unit past w_pos * 2^32', overlay(l.b PLACING pg_temp.be(wmax * p32 + 1, 16) FROM 93)),
  ('w_neg = w as well as w_pos', overlay(l.b PLACING substr(l.b, 61, 16) FROM 77)),
  ('first after last', overlay(l.b PLACING int8send(9223371331199999999 - 1) FROM 37)),
  ('first set, dated = 0', overlay(e PLACING int8send(1) FROM 29)),
  ('time sums, dated = 0', overlay(e PLACING '\x01'::bytea FROM 140)),
  ('wxx = 2^160', overlay(l.b PLACING '\x000000010000000000000000000000000000000000000000'::bytea FROM 141)),
  ('woo = 2^191 (negative)', overlay(l.b PLACING '\x800000000000000000000000000000000000000000000000'::bytea FROM 189)),
  ('sum_w negative, all others valid', overlay(e PLACING '\xffffffffffffffffffffffffffffffff'::bytea FROM 45))
) c(name, p);
SELECT name, length(payload) AS bytes, pg_temp.recv('recv_state', payload) AS recv
FROM bad_binary ORDER BY name;

--
-- 5. jss_asof_state: text and binary at the bounds and past them, through every
--    function that takes one
--
CREATE TEMP TABLE asof_fns (fn text, template text);
INSERT INTO asof_fns VALUES
  ('jss_asof_final', 'SELECT jss_asof_final(%1$s)'),
  ('jss_asof_combine self', 'SELECT jss_asof_combine(%1$s, %1$s)'),
  ('jss_asof_combine null left', 'SELECT jss_asof_combine(NULL, %1$s)'),
  ('jss_asof_combine null right', 'SELECT jss_asof_combine(%1$s, NULL)'),
  ('jss_asof_accum', 'SELECT jss_asof_accum(%1$s, 1, 1e6, ''2026-05-31 00:00+00'', ''2026-06-01 00:00+00'')'),
  ('jss_asof_accum outside windows', 'SELECT jss_asof_accum(%1$s, 1, 1, ''1990-01-01 00:00+00'', ''2026-06-01 00:00+00'')'),
  ('jss_asof_state_send', 'SELECT jss_asof_state_send(%1$s)'),
  ('jss_asof_state_out/in', 'SELECT %1$s::text::jss_asof_state'),
  ('combine aggregate', 'SELECT pg_temp.asof_rollup(x) FROM (VALUES (%1$s), (NULL)) v(x)');
CREATE AGGREGATE pg_temp.asof_rollup(jss_asof_state) (
  SFUNC = jss_asof_combine, STYPE = jss_asof_state, FINALFUNC = jss_asof_final);
CREATE FUNCTION pg_temp.asof_text(n6 numeric, w6 numeric, wo6 numeric, n12 numeric, w12 numeric, wo12 numeric,
                                  n24 numeric, w24 numeric, wo24 numeric, as_of text)
RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT format('v1 n6=%s w6=%s wo6=%s n12=%s w12=%s wo12=%s n24=%s w24=%s wo24=%s as_of=%s',
                    n6, w6, wo6, n12, w12, wo12, n24, w24, wo24, as_of) $$;
CREATE TEMP TABLE asof_states (name text, txt text);
INSERT INTO asof_states
SELECT name, txt FROM k, LATERAL (VALUES
  ('2^40 rows of weight 10^6, outcome 1, in every window',
   pg_temp.asof_text(nmax, wmax, wmax * p32, nmax, wmax, wmax * p32, nmax, wmax, wmax * p32, '2026-06-01T00:00:00Z')),
  ('2^40 rows of weight 10^6, outcome -1, only in the 24-month window',
   pg_temp.asof_text(0, 0, 0, 0, 0, 0, nmax, wmax, -wmax * p32, '2026-06-01T00:00:00Z')),
  ('2^40 - 1 rows, as_of at the first instant',
   pg_temp.asof_text(0, 0, 0, 0, 0, 0, nmax - 1, wmax - 1000000 * p32, 0, tmin)),
  ('one row of weight 0, as_of at the last instant',
   pg_temp.asof_text(1, 0, 0, 1, 0, 0, 1, 0, 0, tmax)),
  ('empty, no as_of', pg_temp.asof_text(0, 0, 0, 0, 0, 0, 0, 0, 0, 'none'))
) v(name, txt);
CREATE TEMP TABLE asof_past (name text, txt text);
INSERT INTO asof_past
SELECT name, txt FROM k, LATERAL (VALUES
  ('n24 = 2^40 + 1', pg_temp.asof_text(0, 0, 0, 0, 0, 0, nmax + 1, wmax, 0, '2026-06-01T00:00:00Z')),
  ('w24 one unit past n24 * 10^6', pg_temp.asof_text(0, 0, 0, 0, 0, 0, nmax, wmax + 1, 0, '2026-06-01T00:00:00Z')),
  ('wo24 one unit past w24 * 2^32', pg_temp.asof_text(0, 0, 0, 0, 0, 0, 1, p32, p64 + 1, '2026-06-01T00:00:00Z')),
  ('wo24 one unit below -w24 * 2^32', pg_temp.asof_text(0, 0, 0, 0, 0, 0, 1, p32, -p64 - 1, '2026-06-01T00:00:00Z')),
  ('n6 > n12', pg_temp.asof_text(2, 0, 0, 1, 0, 0, 2, 0, 0, '2026-06-01T00:00:00Z')),
  ('w12 > w24', pg_temp.asof_text(1, p32, 0, 1, 2 * p32, 0, 2, p32, 0, '2026-06-01T00:00:00Z')),
  ('negative n6', pg_temp.asof_text(-1, 0, 0, 0, 0, 0, 0, 0, 0, '2026-06-01T00:00:00Z')),
  ('negative w24', pg_temp.asof_text(0, 0, 0, 0, 0, 0, 1, -1, 0, '2026-06-01T00:00:00Z')),
  ('sums without as_of', pg_temp.asof_text(0, 0, 0, 0, 0, 0, 1, p32, 0, 'none')),
  ('count with 1000 digits', pg_temp.asof_text(0, 0, 0, 0, 0, 0, repeat('9', 1000)::numeric, 0, 0, '2026-06-01T00:00:00Z')),
  ('sum with 100000 digits', replace(pg_temp.asof_text(0, 0, 0, 0, 0, 0, 0, 0, 0, '2026-06-01T00:00:00Z'), 'w24=0', 'w24=' || repeat('5', 100000))),
  ('1 MB of junk after', pg_temp.asof_text(0, 0, 0, 0, 0, 0, 0, 0, 0, '2026-06-01T00:00:00Z') || repeat(' x', 524288)),
  ('jss_state text as jss_asof_state', (SELECT v FROM base))
) v(name, txt);
SELECT 'at the bound: ' || name AS "case", pg_temp.try(format('SELECT %L::jss_asof_state', txt)) AS input,
       string_agg(DISTINCT pg_temp.try(format(f.template, quote_literal(txt) || '::jss_asof_state')), ', ') AS every_function
FROM asof_states, asof_fns f GROUP BY name, txt
UNION ALL
SELECT 'past the bound: ' || name, pg_temp.try(format('SELECT %L::jss_asof_state', txt)),
       string_agg(DISTINCT pg_temp.try(format(f.template, quote_literal(txt) || '::jss_asof_state')), ', ')
FROM asof_past, asof_fns f GROUP BY name, txt
ORDER BY 1;
-- the 22003 and 22023 above in detail: which functions
SELECT s.name, string_agg(f.fn || ' ' || r, ', ' ORDER BY f.fn) AS errors
FROM asof_states s, asof_fns f, LATERAL pg_temp.try(format(f.template, quote_literal(s.txt) || '::jss_asof_state')) r
WHERE r <> 'ok' GROUP BY s.name ORDER BY s.name;
-- the values at the bounds are right: 100 with every window full of 1s, and the best
-- window wins over the 24-month one of -1s
SELECT name, jss_asof_final(txt::jss_asof_state) AS score,
       jss_asof_combine(NULL, txt::jss_asof_state)::text = txt AS combine_identity
FROM asof_states ORDER BY name;
-- binary: offsets version 1, flags 3, as_of 5, then per window n, w, wo (40 bytes each)
-- from 13; length 132
CREATE TEMP TABLE asof_binary AS
SELECT name, jss_asof_state_send(txt::jss_asof_state) AS b FROM asof_states;
SELECT name, pg_temp.recv('recv_asof', b) AS recv,
       (SELECT a::text FROM recv_asof) = (SELECT txt FROM asof_states s WHERE s.name = b.name) AS same
FROM asof_binary b ORDER BY name;
INSERT INTO bad_binary
SELECT 'asof: ' || c.name, c.p
FROM k, (SELECT b FROM asof_binary WHERE name LIKE '%outcome 1, in every window') l,
     (SELECT b AS e FROM asof_binary WHERE name = 'empty, no as_of') e,
     LATERAL (VALUES
  ('no bytes', ''::bytea),
  ('one byte', '\x00'::bytea),
  ('one byte short', substr(l.b, 1, 131)),
  ('one byte too many', l.b || '\x00'::bytea),
  ('1 MB, version 1', '\x0001'::bytea || decode(repeat('00', 1048574), 'hex')),
  ('version 0', overlay(l.b PLACING '\x0000'::bytea FROM 1)),
  ('version 2', overlay(l.b PLACING '\x0002'::bytea FROM 1)),
  ('reserved flag', overlay(l.b PLACING '\x0003'::bytea FROM 3)),
  ('no as_of flag, as_of set', overlay(e PLACING int8send(1) FROM 5)),
  ('no as_of flag, a sum set', overlay(e PLACING '\x01'::bytea FROM 132)),
  ('as_of = infinity', overlay(l.b PLACING '\x7fffffffffffffff'::bytea FROM 5)),
  ('as_of = -infinity', overlay(l.b PLACING '\x8000000000000000'::bytea FROM 5)),
  ('as_of one microsecond past the range', overlay(l.b PLACING int8send(9223371331200000000) FROM 5)),
  ('n6 = 2^40 + 1', overlay(l.b PLACING int8send(1099511627777) FROM 13)),
  ('n24 = 2^40 + 1', overlay(l.b PLACING int8send(1099511627777) FROM 93)),
  ('n24 negative', overlay(l.b PLACING int8send(-1) FROM 93)),
  ('w24 one unit past its bound', overlay(l.b PLACING pg_temp.be(wmax + 1, 16) FROM 101)),
  ('wo24 one unit past w24 * 2^32', overlay(l.b PLACING pg_temp.be(wmax * p32 + 1, 16) FROM 117)),
  ('all 0xff', decode(repeat('ff', 132), 'hex'))
) c(name, p);
SELECT name, length(payload) AS bytes, pg_temp.recv('recv_asof', payload) AS recv
FROM bad_binary WHERE name LIKE 'asof: %' ORDER BY name;
-- Housekeeping, not a check: remove the COPY file.  Its outcome is not part
-- of the expected output: under valgrind a program started by COPY ... TO
-- PROGRAM may not report its exit (XX000), and a file left in /tmp is harmless.
SELECT pg_temp.try(format('COPY (SELECT) TO PROGRAM %L', 'rm -f /tmp/jss_hostile_states_' || pg_backend_pid() || '.copy')) IS NOT NULL AS cleanup_ran;

--
-- 6. Inputs are never changed in place outside an aggregate: a stored state passed to
--    the transition and combine functions directly, twice in one row, from PL/pgSQL,
--    as an aggregate's input and initial value, reads back the same bytes
--
CREATE TEMP TABLE stored (id int, s jss_state, a jss_asof_state);
INSERT INTO stored
SELECT 1, jss_agg(o, t, w), NULL
FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz, 2::float8), (-0.5, '2026-02-01 00:00+00', 1)) v(o, t, w);
UPDATE stored SET a = jss_asof_accum(jss_asof_accum(NULL, 1, 2, '2026-01-01 00:00+00', '2026-06-01 00:00+00'),
                                     -0.5, 1, '2026-02-01 00:00+00', '2026-06-01 00:00+00');
INSERT INTO stored SELECT 2, txt::jss_state, NULL FROM limit_states WHERE name LIKE '2^40 - 1%';
CREATE TEMP TABLE stored_before AS
SELECT id, jss_state_send(s) AS s, jss_asof_state_send(a) AS a FROM stored;
-- direct calls, each twice in the same row: the second sees the stored value, not the first's result
SELECT id,
       jss_outcome_accum(s, 1)::text = jss_outcome_accum(s, 1)::text AS outcome_accum,
       jss_outcome_accum(s, -1, 2)::text = jss_outcome_accum(s, -1, 2)::text AS outcome_accum_w,
       jss_agg_accum(s, 1, '2026-03-01 00:00+00')::text = jss_agg_accum(s, 1, '2026-03-01 00:00+00')::text AS agg_accum,
       jss_agg_accum(s, 1, '2026-03-01 00:00+00', 3)::text = jss_agg_accum(s, 1, '2026-03-01 00:00+00', 3)::text AS agg_accum_w,
       jss_state_combine(s, (SELECT jss_agg(1, '2026-01-01 00:00+00')))::text
         = jss_state_combine(s, (SELECT jss_agg(1, '2026-01-01 00:00+00')))::text AS combine,
       jss_contracts(jss_outcome_accum(s, 1)) = jss_contracts(s) + 1 AS one_more,
       jss_asof_accum(a, 1, 1, '2026-05-01 00:00+00', '2026-06-01 00:00+00')::text
         = jss_asof_accum(a, 1, 1, '2026-05-01 00:00+00', '2026-06-01 00:00+00')::text AS asof_accum,
       jss_asof_combine(a, a)::text = jss_asof_combine(a, a)::text AS asof_combine
FROM stored ORDER BY id;
-- from PL/pgSQL, on a variable
DO $$
DECLARE
  v jss_state := (SELECT s FROM stored WHERE id = 1);
  before text := v::text;
  r1 jss_state;
  r2 jss_state;
BEGIN
  r1 := jss_outcome_accum(v, 1);
  r2 := jss_outcome_accum(v, 1);
  r1 := jss_state_combine(v, r1);
  r2 := jss_agg_accum(v, 0.5, '2026-04-01 00:00+00');
  IF v::text <> before THEN
    RAISE EXCEPTION 'a PL/pgSQL variable was changed in place';
  END IF;
END $$;
-- as aggregate inputs: the same stored value many times, in GROUP BY and in windows,
-- and as the initial value of aggregates built on jss's transition functions
CREATE AGGREGATE pg_temp.fold(jss_state) (SFUNC = jss_state_combine, STYPE = jss_state);
SELECT jss_contracts(jss_rollup(s)) AS rollup, jss_contracts(pg_temp.fold(s)) AS fold
FROM stored, generate_series(1, 5) WHERE id = 1;
SELECT array_agg(jss_contracts(r) ORDER BY i) AS running_rollup
FROM (SELECT i, jss_rollup(s) OVER (ORDER BY i) AS r FROM stored, generate_series(1, 5) i WHERE id = 1) x;
SELECT jss_contracts(jss_rollup(jss_outcome_accum(s, 1)) OVER ()) AS window_of_accum
FROM stored, generate_series(1, 3) WHERE id = 1 LIMIT 1;
DO $$
BEGIN
  EXECUTE format('CREATE AGGREGATE pg_temp.more(float8) (SFUNC = jss_outcome_accum, STYPE = jss_state, INITCOND = %L)',
                 (SELECT s::text FROM stored WHERE id = 1));
END $$;
SELECT g, jss_contracts(pg_temp.more(o)) AS contracts
FROM (VALUES (1, 1::float8), (1, 0.5), (2, -1)) v(g, o) GROUP BY g ORDER BY g;
SELECT jss_contracts(pg_temp.more(o) OVER (ORDER BY o ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)) AS sliding
FROM (VALUES (1::float8), (0.5), (-1)) v(o);
-- a state at 2^40 - 1 rows: the first call succeeds, the second does not add to its result
SELECT jss_contracts(jss_outcome_accum(s, 1)) AS first_call, jss_contracts(jss_outcome_accum(s, 1)) AS second_call
FROM stored WHERE id = 2;
-- after all of it, the stored values are the same bytes
SELECT count(*) AS stored_values,
       bool_and(a.s = b.s AND a.a IS NOT DISTINCT FROM b.a) AS unchanged
FROM stored_before a JOIN (SELECT id, jss_state_send(s) AS s, jss_asof_state_send(a) AS a FROM stored) b USING (id);

--
-- 7. The weight must split between neutral and other contracts as the counts say: a
--    state whose weight belongs to neutral contracts it does not have was once read
--    back and scored 60.  Each impossible state is refused; its possible neighbours
--    are read back unchanged.
--
CREATE TEMP TABLE split (name text, possible boolean, txt text);
INSERT INTO split
SELECT name, possible,
       format('v1 n=%s neutral=%s dated=0 w=%s w_pos=%s w_neg=%s wo_pos=%s wo_neg=%s wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
              n, z, w, wp, wn, wop, won)
FROM (VALUES
  ('weight 2 on no neutral contracts',              false, 2, 0, 8589934592::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric),
  ('weight 2 on 1 neutral contract',                true,  2, 1, 8589934592, 0, 0, 0, 0),
  ('weight 2 on 2 neutral contracts',               true,  2, 2, 8589934592, 0, 0, 0, 0),
  ('1 unit of neutral weight, no neutral contract', false, 2, 0, 8589934593, 8589934592, 0, 36893488147419103232, 0),
  ('no neutral weight, no neutral contract',        true,  2, 0, 8589934592, 8589934592, 0, 36893488147419103232, 0),
  ('neutral weight of two rows on one',             false, 2, 1, 4294967296000001, 0, 0, 0, 0),
  ('neutral weight of one full row',                true,  2, 1, 4294967296000000, 0, 0, 0, 0),
  ('positive weight of two rows on one',            false, 2, 1, 4294967296000001, 4294967296000001, 0, 4294967296000001::numeric * 4294967296, 0),
  ('positive sum below its weight',                 false, 1, 0, 4294967296, 4294967296, 0, 4294967295, 0),
  ('positive sum at its weight (o = 2^-32)',        true,  1, 0, 4294967296, 4294967296, 0, 4294967296, 0),
  ('negative sum below its weight',                 false, 1, 0, 4294967296, 0, 4294967296, 0, 4294967295),
  ('negative sum at its weight',                    true,  1, 0, 4294967296, 0, 4294967296, 0, 4294967296)
) v(name, possible, n, z, w, wp, wn, wop, won);
SELECT name, possible,
       CASE WHEN possible THEN (SELECT txt::jss_state::text = txt)::text
            ELSE pg_temp.try(format('SELECT %L::jss_state', txt)) END AS input,
       CASE WHEN possible THEN 'read back' ELSE 'refused' END AS expected
FROM split ORDER BY name;
-- the state found by a user, with its times: refused, so it can no longer score 60
SELECT 'v1 n=2 neutral=0 dated=2 w=8589934592 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=81578608820224 wxx=774752047965667328 wxo=0 woo=0 first=2026-01-01T00:00:00Z last=2026-01-01T00:00:00Z'::jss_state;  -- error
\echo :SQLSTATE
