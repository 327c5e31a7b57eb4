-- test/trusted/hostile.sql: seed schema :h with hostile objects that have
-- the names and signatures jss's install script, its functions or a
-- caller's SQL could resolve to through search_path: operators on the
-- types jss uses, functions named like pg_catalog functions, aggregates,
-- and types named like the ones the script names.  Each hostile function
-- records who called it in hostile_log.calls (INSERT is granted to
-- PUBLIC, so the extension script's superuser could write there too) and
-- raises a WARNING.
--
--   psql -v h=SCHEMA -f test/trusted/hostile.sql     (as the schema's owner)
\set ON_ERROR_STOP 1
SET search_path = pg_catalog;

CREATE SCHEMA hostile_log;
CREATE TABLE hostile_log.calls (fn text, by_user name, session_user_ name);
GRANT USAGE ON SCHEMA hostile_log TO PUBLIC;
GRANT INSERT, SELECT ON hostile_log.calls TO PUBLIC;

CREATE FUNCTION hostile_log.note(fn text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  INSERT INTO hostile_log.calls VALUES (fn, current_user, session_user);
  RAISE WARNING 'hostile % called by %', fn, current_user;
END $$;
GRANT EXECUTE ON FUNCTION hostile_log.note(text) TO PUBLIC;

-- One logging function per signature: returns NULL of its result type.
CREATE FUNCTION hostile_log.make(schema_name text, fn text, args text, ret text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  EXECUTE format($f$CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql
                   SET search_path = pg_catalog AS %L$f$,
                 schema_name, fn, args, ret,
                 format('BEGIN PERFORM hostile_log.note(%L); RETURN NULL; END',
                        fn || '(' || args || ')'));
END $$;

SELECT hostile_log.make(:'h', f.fn, f.args, f.ret)
FROM (VALUES
  -- functions named like pg_catalog ones (exact signatures, and looser ones that an
  -- unknown-typed literal could prefer)
  ('abs', 'float8', 'float8'), ('abs', 'numeric', 'numeric'), ('abs', 'integer', 'integer'),
  ('abs', 'bigint', 'bigint'),
  ('date_trunc', 'text, timestamptz', 'timestamptz'),
  ('date_bin', 'interval, timestamptz, timestamptz', 'timestamptz'),
  ('date_bin', 'text, timestamptz, timestamptz', 'timestamptz'),
  ('make_interval', 'months integer', 'interval'),
  ('make_interval', 'years integer, months integer, weeks integer, days integer, hours integer, mins integer, secs float8', 'interval'),
  ('to_timestamp', 'float8', 'timestamptz'), ('to_timestamp', 'text, text', 'timestamptz'),
  ('now', '', 'timestamptz'), ('clock_timestamp', '', 'timestamptz'),
  ('statement_timestamp', '', 'timestamptz'),
  ('timezone', 'text, timestamptz', 'timestamp'), ('timezone', 'text, timestamp', 'timestamptz'),
  ('float8', 'integer', 'float8'), ('float8', 'numeric', 'float8'), ('float8', 'text', 'float8'),
  ('float8', 'bigint', 'float8'), ('int4', 'float8', 'integer'), ('int8', 'integer', 'bigint'),
  ('numeric', 'float8', 'numeric'), ('numeric', 'integer', 'numeric'),
  ('timestamptz', 'text', 'timestamptz'), ('timestamptz', 'date', 'timestamptz'),
  ('round', 'float8', 'float8'), ('round', 'numeric, integer', 'numeric'),
  ('floor', 'float8', 'float8'), ('ceil', 'float8', 'float8'), ('trunc', 'float8', 'float8'),
  ('sqrt', 'float8', 'float8'), ('power', 'float8, float8', 'float8'), ('ln', 'float8', 'float8'),
  ('exp', 'float8', 'float8'), ('sign', 'float8', 'float8'), ('mod', 'bigint, bigint', 'bigint'),
  ('nullif', 'float8, float8', 'float8'),
  ('array_remove', 'text[], text', 'text[]'), ('array_length', 'integer[], integer', 'integer'),
  ('to_jsonb', 'float8', 'jsonb'), ('to_jsonb', 'text', 'jsonb'),
  ('jsonb_build_object', 'text, float8', 'jsonb'), ('jsonb_build_array', 'float8', 'jsonb'),
  ('upper', 'text', 'text'), ('lower', 'text', 'text'), ('length', 'text', 'integer'),
  ('format', 'text', 'text'), ('concat', 'text, text', 'text'), ('concat_ws', 'text, text', 'text'),
  ('md5', 'text', 'text'), ('random', '', 'float8'),
  ('generate_series', 'integer, integer', 'integer'),
  ('int4_avg_accum', 'bigint[], integer', 'bigint[]'),
  ('float8_accum', 'float8[], float8', 'float8[]'),
  ('enum_first', 'anyenum', 'anyenum'), ('enum_range', 'anyenum', 'anyarray'),
  ('set_config', 'text, text, boolean', 'text'), ('current_setting', 'text', 'text'),
  -- the operator functions below
  ('op_ff', 'float8, float8', 'boolean'), ('op_ff_f', 'float8, float8', 'float8'),
  ('op_ii', 'integer, integer', 'boolean'), ('op_ii_i', 'integer, integer', 'integer'),
  ('op_ll', 'bigint, bigint', 'boolean'), ('op_ll_l', 'bigint, bigint', 'bigint'),
  ('op_nn', 'numeric, numeric', 'boolean'), ('op_nn_n', 'numeric, numeric', 'numeric'),
  ('op_fi', 'float8, integer', 'boolean'), ('op_if', 'integer, float8', 'boolean'),
  ('op_tt', 'timestamptz, timestamptz', 'boolean'), ('op_tt_i', 'timestamptz, timestamptz', 'interval'),
  ('op_ti_t', 'timestamptz, interval', 'timestamptz'),
  ('op_ii_v', 'interval, integer', 'interval'), ('op_iv_v', 'integer, interval', 'interval'),
  ('op_xx', 'text, text', 'boolean'), ('op_xx_x', 'text, text', 'text'),
  ('op_jx_j', 'jsonb, text', 'jsonb'), ('op_jx_x', 'jsonb, text', 'text'),
  ('op_neg_f', 'float8', 'float8'), ('op_neg_i', 'integer', 'integer'),
  ('op_neg_n', 'numeric', 'numeric'),
  ('sfunc_ff', 'float8, float8', 'float8'), ('sfunc_tt', 'timestamptz, timestamptz', 'timestamptz'),
  ('sfunc_lf', 'bigint, float8', 'bigint')
) f(fn, args, ret);

SELECT set_config('jss.hostile_schema', :'h', false);
DO $$
DECLARE
  h text := current_setting('jss.hostile_schema');
  o record;
BEGIN
  FOR o IN SELECT * FROM (VALUES
    ('=', 'float8', 'float8', 'op_ff'), ('<>', 'float8', 'float8', 'op_ff'),
    ('<', 'float8', 'float8', 'op_ff'), ('<=', 'float8', 'float8', 'op_ff'),
    ('>', 'float8', 'float8', 'op_ff'), ('>=', 'float8', 'float8', 'op_ff'),
    ('+', 'float8', 'float8', 'op_ff_f'), ('-', 'float8', 'float8', 'op_ff_f'),
    ('*', 'float8', 'float8', 'op_ff_f'), ('/', 'float8', 'float8', 'op_ff_f'),
    ('=', 'integer', 'integer', 'op_ii'), ('<', 'integer', 'integer', 'op_ii'),
    ('>', 'integer', 'integer', 'op_ii'), ('<>', 'integer', 'integer', 'op_ii'),
    ('+', 'integer', 'integer', 'op_ii_i'), ('-', 'integer', 'integer', 'op_ii_i'),
    ('*', 'integer', 'integer', 'op_ii_i'), ('/', 'integer', 'integer', 'op_ii_i'),
    ('%', 'integer', 'integer', 'op_ii_i'),
    ('=', 'bigint', 'bigint', 'op_ll'), ('<', 'bigint', 'bigint', 'op_ll'),
    ('+', 'bigint', 'bigint', 'op_ll_l'), ('*', 'bigint', 'bigint', 'op_ll_l'),
    ('=', 'numeric', 'numeric', 'op_nn'), ('<', 'numeric', 'numeric', 'op_nn'),
    ('+', 'numeric', 'numeric', 'op_nn_n'), ('-', 'numeric', 'numeric', 'op_nn_n'),
    ('*', 'numeric', 'numeric', 'op_nn_n'), ('/', 'numeric', 'numeric', 'op_nn_n'),
    ('^', 'numeric', 'numeric', 'op_nn_n'),
    ('=', 'float8', 'integer', 'op_fi'), ('=', 'integer', 'float8', 'op_if'),
    ('<', 'float8', 'integer', 'op_fi'), ('>=', 'integer', 'float8', 'op_if'),
    ('=', 'timestamptz', 'timestamptz', 'op_tt'), ('<', 'timestamptz', 'timestamptz', 'op_tt'),
    ('>', 'timestamptz', 'timestamptz', 'op_tt'), ('<=', 'timestamptz', 'timestamptz', 'op_tt'),
    ('>=', 'timestamptz', 'timestamptz', 'op_tt'),
    ('-', 'timestamptz', 'timestamptz', 'op_tt_i'),
    ('+', 'timestamptz', 'interval', 'op_ti_t'), ('-', 'timestamptz', 'interval', 'op_ti_t'),
    ('*', 'interval', 'integer', 'op_ii_v'), ('*', 'integer', 'interval', 'op_iv_v'),
    ('=', 'text', 'text', 'op_xx'), ('||', 'text', 'text', 'op_xx_x'),
    ('->', 'jsonb', 'text', 'op_jx_j'), ('->>', 'jsonb', 'text', 'op_jx_x'),
    ('-', NULL, 'float8', 'op_neg_f'), ('-', NULL, 'integer', 'op_neg_i'),
    ('-', NULL, 'numeric', 'op_neg_n')) v(op, l, r, fn)
  LOOP
    IF o.l IS NULL THEN
      EXECUTE format('CREATE OPERATOR %I.%s (RIGHTARG = %s, FUNCTION = %I.%I)', h, o.op, o.r, h, o.fn);
    ELSE
      EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %I.%I)',
                     h, o.op, o.l, o.r, h, o.fn);
    END IF;
  END LOOP;
  -- aggregates named like core ones
  EXECUTE format('CREATE AGGREGATE %I.sum(float8) (SFUNC = %I.sfunc_ff, STYPE = float8)', h, h);
  EXECUTE format('CREATE AGGREGATE %I.avg(float8) (SFUNC = %I.sfunc_ff, STYPE = float8)', h, h);
  EXECUTE format('CREATE AGGREGATE %I.min(timestamptz) (SFUNC = %I.sfunc_tt, STYPE = timestamptz)', h, h);
  EXECUTE format('CREATE AGGREGATE %I.max(timestamptz) (SFUNC = %I.sfunc_tt, STYPE = timestamptz)', h, h);
  EXECUTE format('CREATE AGGREGATE %I.count(float8) (SFUNC = %I.sfunc_lf, STYPE = bigint)', h, h);
  -- types named like the ones the install script names without a schema
  EXECUTE format('CREATE DOMAIN %I.float8 AS text', h);
  EXECUTE format('CREATE DOMAIN %I.timestamptz AS text', h);
  EXECUTE format('CREATE DOMAIN %I.jsonb AS text', h);
  EXECUTE format('CREATE DOMAIN %I.bytea AS integer', h);
  EXECUTE format('CREATE DOMAIN %I.int4 AS text', h);
  EXECUTE format('CREATE DOMAIN %I.int8 AS text', h);
  EXECUTE format('CREATE DOMAIN %I.bool AS text', h);
  EXECUTE format('CREATE TYPE %I.cstring AS (x integer)', h);
  EXECUTE format('CREATE TYPE %I.internal AS (x integer)', h);
  EXECUTE format('CREATE TYPE %I.text AS (x integer)', h);
END $$;
