-- test/fuzz/sql_mutations.sql: the SQL-level fuzz run of test/fuzz/sql_mutations.
--
-- Mutates valid states (the table fz.seeds, loaded by the script from
-- test/fuzz/corpus/state/ and from jss_agg over generated rows) with random
-- byte flips, insertions, deletions, truncations, digit changes, number
-- swaps for limit values, field moves and crossovers, and feeds every
-- mutant to the type's input: text through a cast, binary through
-- jss_state_recv / jss_asof_state_recv by a COPY ... (FORMAT binary) of a
-- file holding the mutant as its one value (written by COPY of a bytea: the
-- binary form of a bytea is its bytes).  Each attempt runs in its own
-- subtransaction and leaves one row in fz.results: the section, the
-- outcome ('accepted' or the SQLSTATE) and, for an outcome the documentation does
-- not allow, the input.
--
-- An accepted value must also round-trip (text out and in gives the same
-- text and the same binary form; a binary input is exactly what send gives
-- back) and every function that takes the type must run on it (raising at
-- most 22003).  Seeded with setseed, so every run tries the same inputs.
--
-- psql variables: text_n, asof_text_n, binary_n, asof_binary_n (counts) and
-- copy_path, the file the binary mutants go through (best on a tmpfs: a
-- file rewritten on ext4 costs 0.8 ms, on tmpfs 0.04 ms).

SET client_min_messages = warning;
SET TimeZone = 'UTC';
SELECT set_config('fz.copy_path', :'copy_path', false);

CREATE TABLE fz.results (section text NOT NULL, outcome text NOT NULL, input text);

-- the outcomes a section may give; anything else is a failure
CREATE TABLE fz.allowed (section text, outcome text);
INSERT INTO fz.allowed VALUES
  ('jss_state text', 'accepted'), ('jss_state text', '22P02'), ('jss_state text', '22003'),
  ('jss_asof_state text', 'accepted'), ('jss_asof_state text', '22P02'), ('jss_asof_state text', '22003'),
  ('jss_state binary', 'accepted'), ('jss_state binary', '22P03'), ('jss_state binary', '08P01'),
  ('jss_state binary', '22003'),
  ('jss_asof_state binary', 'accepted'), ('jss_asof_state binary', '22P03'),
  ('jss_asof_state binary', '08P01'), ('jss_asof_state binary', '22003');

-- a random integer in [lo, hi]
CREATE FUNCTION fz.rnd(lo int, hi int) RETURNS int
LANGUAGE sql AS $$ SELECT lo + floor(random() * (hi - lo + 1))::int $$;

-- one to three random edits of the text s; other is another seed, for crossovers
CREATE FUNCTION fz.mutate(s text, other text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  alphabet constant text := E'0123456789 -=:.TZvnoe_wxposgdatfirlu\t\n';
  limits constant text[] := ARRAY['0', '-0', '1', '-1', '00', '2', '1099511627775', '1099511627776',
    '1099511627777', '4294967296', '4294967296000000', '18446744073709551616',
    '170141183460469231731687303715884105727', '170141183460469231731687303715884105728',
    '-170141183460469231731687303715884105728',
    '1461501637330902918203684832716283019655932542976',
    '3138550867693340381917894711603833208051177722232017256447',
    '3138550867693340381917894711603833208051177722232017256448',
    '-3138550867693340381917894711603833208051177722232017256448',
    '99999999999999999999999999999999999999999999999999999999999999999999999999',
    'none', 'nonE', '', '2026-01-01T00:00:00Z', '294276-12-31T23:59:59.999999Z',
    '294277-01-01T00:00:00Z', '-4713-11-24T00:00:00Z', '-4713-11-23T23:59:59.999999Z',
    '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '0000-01-01T00:00:00Z',
    '2026-01-01T24:00:00Z', '2026-01-01T00:00:60Z', '2026-01-01T00:00:00.1234567Z',
    '2026-01-01T00:00:00.Z', '2026-01-01 00:00:00+00', 'infinity', '-infinity', 'NaN', '1e3', '+1'];
  fields text[];
  p int;
  q int;
  v text;
BEGIN
  FOR i IN 1 .. fz.rnd(1, 3) LOOP
    p := fz.rnd(1, length(s) + 1);
    CASE fz.rnd(0, 9)
      WHEN 0 THEN	-- replace one character with any (ASCII, control or not, or beyond)
        s := overlay(s PLACING chr(CASE WHEN random() < 0.9 THEN fz.rnd(1, 127) ELSE fz.rnd(128, 1200) END)
                     FROM p FOR 1);
      WHEN 1 THEN	-- insert a character of the text form
        s := overlay(s PLACING substr(alphabet, fz.rnd(1, length(alphabet)), 1) FROM p FOR 0);
      WHEN 2 THEN	-- delete one to three characters
        s := overlay(s PLACING '' FROM p FOR fz.rnd(1, 3));
      WHEN 3 THEN	-- cut short
        s := left(s, p - 1);
      WHEN 4 THEN	-- change a digit
        q := regexp_instr(s, '[0-9]', p);
        IF q = 0 THEN q := regexp_instr(s, '[0-9]'); END IF;
        IF q > 0 THEN s := overlay(s PLACING fz.rnd(0, 9)::text FROM q FOR 1); END IF;
      WHEN 5, 6 THEN	-- change a value: a limit, one more or less, twice, negated
        q := regexp_instr(s, '=', p);
        IF q = 0 THEN q := regexp_instr(s, '='); END IF;
        IF q > 0 THEN
          v := substring(s FROM q + 1 FOR greatest(regexp_instr(s || ' ', ' ', q + 1) - q - 1, 0));
          IF v ~ '^-?[0-9]{1,70}$' AND random() < 0.6 THEN
            v := CASE fz.rnd(0, 3)
                   WHEN 0 THEN (v::numeric + 1)::text
                   WHEN 1 THEN (v::numeric - 1)::text
                   WHEN 2 THEN (v::numeric * 2)::text
                   ELSE (- v::numeric)::text END;
          ELSE
            v := limits[fz.rnd(1, array_length(limits, 1))];
          END IF;
          s := left(s, q) || v || substr(s, regexp_instr(s || ' ', ' ', q + 1));
        END IF;
      WHEN 7 THEN	-- drop, repeat or swap a field
        fields := string_to_array(s, ' ');
        IF array_length(fields, 1) > 1 THEN
          q := fz.rnd(1, array_length(fields, 1) - 1);
          s := array_to_string(CASE fz.rnd(0, 2)
                 WHEN 0 THEN fields[:q - 1] || fields[q + 1:]
                 WHEN 1 THEN fields[:q] || fields[q:]
                 ELSE fields[:q - 1] || fields[q + 1] || fields[q] || fields[q + 2:] END, ' ');
        END IF;
      WHEN 8 THEN	-- blanks: around the text, or one space doubled or turned into another blank
        s := CASE fz.rnd(0, 3)
               WHEN 0 THEN E' \t' || s
               WHEN 1 THEN s || E' \n'
               ELSE regexp_replace(s, ' ', (ARRAY['  ', E'\t', E'\n', ''])[fz.rnd(1, 4)], 'g') END;
        IF random() < 0.5 THEN s := left(s, 400); END IF;
      ELSE	-- crossover with another seed
        s := left(s, p - 1) || substr(other, fz.rnd(1, length(other) + 1));
    END CASE;
  END LOOP;
  RETURN s;
END $$;

-- one to three random edits of the bytes b; other is another seed's bytes
CREATE FUNCTION fz.mutate_bytes(b bytea, other bytea) RETURNS bytea
LANGUAGE plpgsql AS $$
DECLARE
  words constant bigint[] := ARRAY[0, 1, -1, 2, 1099511627775, 1099511627776, 1099511627777,
    4294967296, 4294967296000000, 9223372036854775807, -9223372036854775808,
    -211813488000000000, -211813488000000001, 9223371331199999999, 9223371331200000000,
    820540800000000, 9223372036854775806, 72057594037927936];
  p int;
  n int;
BEGIN
  FOR i IN 1 .. fz.rnd(1, 3) LOOP
    n := length(b);
    p := fz.rnd(0, greatest(n - 1, 0));
    CASE fz.rnd(0, 7)
      WHEN 0 THEN	-- flip a bit
        IF n > 0 THEN
          p := p * 8 + fz.rnd(0, 7);
          b := set_bit(b, p, 1 - get_bit(b, p));
        END IF;
      WHEN 1 THEN	-- set a byte
        IF n > 0 THEN b := set_byte(b, p, fz.rnd(0, 255)); END IF;
      WHEN 2 THEN	-- cut short
        b := substr(b, 1, p);
      WHEN 3 THEN	-- add bytes at the end
        b := b || substr(other, 1, fz.rnd(1, 16));
      WHEN 4 THEN	-- insert or delete a byte
        IF random() < 0.5 THEN b := overlay(b PLACING '\x00'::bytea FROM p + 1 FOR 0);
        ELSE b := overlay(b PLACING ''::bytea FROM p + 1 FOR 1); END IF;
      WHEN 5, 6 THEN	-- an int8 of the limits at a field boundary (every field starts at 4 + 8k)
        p := 4 + 8 * fz.rnd(0, greatest((n - 12) / 8, 0));
        IF p + 8 <= n THEN
          b := overlay(b PLACING int8send(words[fz.rnd(1, array_length(words, 1))]) FROM p + 1);
        END IF;
      ELSE	-- crossover
        b := substr(b, 1, p) || substr(other, p + 1);
    END CASE;
  END LOOP;
  RETURN b;
END $$;

-- COPY targets: temporary, so that reading a mutant writes no WAL
CREATE TEMP TABLE recv_state (s jss_state);
CREATE TEMP TABLE recv_asof (s jss_asof_state);

-- What every function taking a jss_state does with v: NULL, or the SQLSTATE it raised.
CREATE FUNCTION fz.use_state(v jss_state) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM jss_score(v), jss_score(v, 0, 0, 1), jss_satisfaction_ratio(v), jss_trend_slope(v),
          jss_contracts(v), jss_first_ended(v), jss_last_ended(v), jss_needs_review(v),
          jss_explain(v), jss_contracts_needed(v), jss_contracts_needed(v, 100),
          jss_contracts_needed(v, 0.001);
  BEGIN
    PERFORM jss_rollup(x) FROM (VALUES (v), (v), (NULL::jss_state)) t(x);
  EXCEPTION WHEN numeric_value_out_of_range THEN
    NULL;	-- 22003: two copies of a state past 2^39 rows hold too many
  END;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

-- The same for jss_asof_state.
CREATE FUNCTION fz.use_asof(v jss_asof_state) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM jss_asof_final(v);
  BEGIN
    PERFORM jss_asof_final(jss_asof_combine(v, v));
  EXCEPTION WHEN numeric_value_out_of_range THEN
    NULL;
  END;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

-- Check an accepted jss_state: round trip and functions; 'accepted' or what went wrong.
CREATE FUNCTION fz.accepted_state(v jss_state) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  back jss_state := v::text::jss_state;
  problem text;
BEGIN
  IF back::text IS DISTINCT FROM v::text OR jss_state_send(back) IS DISTINCT FROM jss_state_send(v) THEN
    RETURN 'accepted, round trip differs';
  END IF;
  problem := fz.use_state(v);
  RETURN CASE WHEN problem IS NULL THEN 'accepted' ELSE 'accepted, a function raised ' || problem END;
END $$;

CREATE FUNCTION fz.accepted_asof(v jss_asof_state) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  back jss_asof_state := v::text::jss_asof_state;
  problem text;
BEGIN
  IF back::text IS DISTINCT FROM v::text OR jss_asof_state_send(back) IS DISTINCT FROM jss_asof_state_send(v) THEN
    RETURN 'accepted, round trip differs';
  END IF;
  problem := fz.use_asof(v);
  RETURN CASE WHEN problem IS NULL THEN 'accepted' ELSE 'accepted, a function raised ' || problem END;
END $$;

-- n text mutants of the seeds of kind ('state' or 'asof'), cast to the type.
CREATE FUNCTION fz.run_text(kind text, n int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  seeds text[] := ARRAY(SELECT txt FROM fz.seeds WHERE seeds.kind = run_text.kind ORDER BY name);
  section text := CASE kind WHEN 'state' THEN 'jss_state text' ELSE 'jss_asof_state text' END;
  m text;
  outcome text;
  s jss_state;
  a jss_asof_state;
BEGIN
  FOR i IN 1 .. n LOOP
    m := fz.mutate(seeds[fz.rnd(1, array_length(seeds, 1))], seeds[fz.rnd(1, array_length(seeds, 1))]);
    BEGIN
      IF kind = 'state' THEN
        s := m::jss_state;
        outcome := fz.accepted_state(s);
      ELSE
        a := m::jss_asof_state;
        outcome := fz.accepted_asof(a);
      END IF;
    EXCEPTION WHEN OTHERS THEN
      outcome := SQLSTATE;
    END;
    INSERT INTO fz.results VALUES (section, outcome, m);
  END LOOP;
END $$;

-- n binary mutants of the seeds' send forms, read by COPY ... (FORMAT binary).
CREATE FUNCTION fz.run_binary(kind text, n int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  seeds bytea[] := CASE kind
    WHEN 'state' THEN ARRAY(SELECT jss_state_send(txt::jss_state) FROM fz.seeds
                            WHERE seeds.kind = 'state' ORDER BY name)
    ELSE ARRAY(SELECT jss_asof_state_send(txt::jss_asof_state) FROM fz.seeds
               WHERE seeds.kind = 'asof' ORDER BY name) END;
  section text := CASE kind WHEN 'state' THEN 'jss_state binary' ELSE 'jss_asof_state binary' END;
  path text := current_setting('fz.copy_path');
  m bytea;
  outcome text;
BEGIN
  FOR i IN 1 .. n LOOP
    m := fz.mutate_bytes(seeds[fz.rnd(1, array_length(seeds, 1))], seeds[fz.rnd(1, array_length(seeds, 1))]);
    -- a binary COPY file whose one value is m: bytea's binary form is its bytes
    EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', m, path);
    BEGIN
      IF kind = 'state' THEN
        DELETE FROM recv_state;
        EXECUTE format('COPY recv_state FROM %L (FORMAT binary)', path);
        SELECT CASE WHEN jss_state_send(s) IS DISTINCT FROM m THEN 'accepted, send differs from the input'
                    ELSE fz.accepted_state(s) END
          INTO outcome FROM recv_state;
      ELSE
        DELETE FROM recv_asof;
        EXECUTE format('COPY recv_asof FROM %L (FORMAT binary)', path);
        SELECT CASE WHEN jss_asof_state_send(s) IS DISTINCT FROM m THEN 'accepted, send differs from the input'
                    ELSE fz.accepted_asof(s) END
          INTO outcome FROM recv_asof;
      END IF;
    EXCEPTION WHEN OTHERS THEN
      outcome := SQLSTATE;
    END;
    INSERT INTO fz.results VALUES (section, outcome, encode(m, 'hex'));
  END LOOP;
END $$;

SELECT setseed(0.4242);
SELECT fz.run_text('state', :text_n);
SELECT setseed(0.1717);
SELECT fz.run_text('asof', :asof_text_n);
SELECT setseed(0.2323);
SELECT fz.run_binary('state', :binary_n);
SELECT setseed(0.3131);
SELECT fz.run_binary('asof', :asof_binary_n);
