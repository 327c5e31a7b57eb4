-- test/shard/checks.sql: helpers of test/shard/run's checks, in schema chk
-- of the coordinator.  Each returns one line per problem and nothing when
-- all is well (test/shard/run prints what comes back as the details).
--
--   chk.plan(query)                      EXPLAIN (VERBOSE, COSTS OFF) lines
--   chk.pushed(query, fn, shipped_with)  the aggregate fn is shipped to both
--                                        shards: two "Remote SQL:" lines
--                                        call public.fn( and hold
--                                        shipped_with (default 'GROUP BY 1')
--   chk.whole(query)                     nothing is aggregated on the
--                                        coordinator: no Aggregate node
--   chk.pulled(query)                    no "Remote SQL:" line calls jss,
--                                        and the coordinator aggregates
--   chk.same(label, sharded, single)     both queries return (k, v); a FULL
--                                        JOIN on k finds no row missing on
--                                        either side and no v different, by
--                                        = and by text (float8 prints with
--                                        extra_float_digits = 3: shortest
--                                        exact, so equal text is equal
--                                        bits; states are compared as the
--                                        bytes of jss_state_send or as text),
--                                        and some v is not NULL
--   chk.per_freelancer(agg, outer)       the per-freelancer query of agg
--                                        over scored and single.scored:
--                                        pushed down whole, and the same
--                                        values (outer turns the value v
--                                        into what is compared)

CREATE SCHEMA chk;

CREATE FUNCTION chk.plan(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query LOOP
        RETURN NEXT line;
    END LOOP;
END
$$;

CREATE FUNCTION chk.pushed(query text, fn text, shipped_with text DEFAULT 'GROUP BY 1') RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    n int;
BEGIN
    SELECT count(*) INTO n FROM chk.plan(query) AS l
    WHERE strpos(l, 'Remote SQL: ') > 0 AND strpos(l, 'public.' || fn || '(') > 0
      AND strpos(l, shipped_with) > 0;
    IF n <> 2 THEN
        RETURN NEXT format('%s is not shipped to both shards with %s (%s Remote SQL lines call it) in:', fn, shipped_with, n);
        RETURN NEXT query;
        RETURN QUERY SELECT * FROM chk.plan(query);
    END IF;
END
$$;

CREATE FUNCTION chk.whole(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM chk.plan(query) AS l
               WHERE l ~ '^\s*(->\s+)?(Finalize |Partial )?(Hash|Group|Mixed)?Aggregate\s*$') THEN
        RETURN NEXT 'the coordinator aggregates (expected: the shards return the results) in:';
        RETURN NEXT query;
        RETURN QUERY SELECT * FROM chk.plan(query);
    END IF;
END
$$;

CREATE FUNCTION chk.pulled(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM chk.plan(query) AS l WHERE l ~ 'Remote SQL: .*jss_')
       OR NOT EXISTS (SELECT FROM chk.plan(query) AS l WHERE l ~ 'Remote SQL: ')
       OR NOT EXISTS (SELECT FROM chk.plan(query) AS l WHERE l ~ 'Aggregate\s*$') THEN
        RETURN NEXT 'expected rows pulled from the shards and aggregated on the coordinator in:';
        RETURN NEXT query;
        RETURN QUERY SELECT * FROM chk.plan(query);
    END IF;
END
$$;

CREATE FUNCTION chk.same(label text, sharded text, single text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
    bad bigint;
    nonnull bigint;
    sample text;
BEGIN
    SET LOCAL extra_float_digits = 3;
    EXECUTE format($q$
        SELECT count(*),
               count(*) FILTER (WHERE d),
               count(a_v),
               string_agg(format('k = %%s: sharded %%s, single %%s', k, a_v, b_v), '; ')
                   FILTER (WHERE d AND r <= 3)
        FROM (SELECT coalesce(a.k, b.k) AS k, a.v::text AS a_v, b.v::text AS b_v,
                     (a.k IS NULL OR b.k IS NULL OR a.v IS DISTINCT FROM b.v
                      OR a.v::text IS DISTINCT FROM b.v::text) AS d,
                     row_number() OVER (ORDER BY coalesce(a.k, b.k)) AS r
              FROM (%s) AS a (k, v) FULL JOIN (%s) AS b (k, v) ON a.k = b.k) AS j
        $q$, sharded, single)
        INTO n, bad, nonnull, sample;
    IF n = 0 OR nonnull = 0 OR bad > 0 THEN
        RETURN NEXT format('%s: %s rows, %s with a value, %s differ (sharded vs single node)%s',
                           label, n, nonnull, bad, coalesce(': ' || sample, ''));
    END IF;
END
$$;

CREATE FUNCTION chk.per_freelancer(agg text, outer_v text DEFAULT 'v') RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    q text := 'SELECT k, ' || outer_v || ' FROM (SELECT freelancer_id AS k, ' || agg
              || ' AS v FROM %s GROUP BY freelancer_id) AS x';
    fn text := substring(agg FROM '^(jss_\w+)\(');
BEGIN
    RETURN QUERY SELECT * FROM chk.pushed(format(q, 'scored'), fn);
    RETURN QUERY SELECT * FROM chk.whole(format(q, 'scored'));
    RETURN QUERY SELECT * FROM chk.same(format('%s, %s', agg, outer_v),
                                        format(q, 'scored'), format(q, 'single.scored'));
END
$$;
