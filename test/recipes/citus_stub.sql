-- test/recipes/citus_stub.sql: stand-ins for the Citus functions that the
-- README's Citus blocks call, so that the blocks run on one plain node
-- (test/recipes/run).  Each records its call in citus_stub.calls and
-- refuses what Citus refuses, with Citus's wording:
--
--   create_reference_table(t)      every foreign key of t must point to a
--                                  reference table
--   create_distributed_table(t, c) c must be a column of t; every primary
--                                  key, unique and exclusion constraint of
--                                  t must include c; every foreign key of t
--                                  must point to a reference or distributed table
--
-- Both refuse a table that is distributed or a reference table already.
-- PostgreSQL's own rules (keys, foreign keys, types) are checked for real.

CREATE SCHEMA citus_stub;

CREATE TABLE citus_stub.calls (
    n        serial PRIMARY KEY,
    fn       text NOT NULL,
    relation regclass NOT NULL UNIQUE,
    dist_col text
);

-- Raises Citus's error if a foreign key of rel points to a table that is
-- neither a reference table nor (when distributed_ok) a distributed one.
CREATE FUNCTION citus_stub.check_foreign_keys(rel regclass, distributed_ok boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    target regclass;
BEGIN
    FOR target IN
        SELECT c.confrelid::regclass FROM pg_constraint c
        WHERE c.conrelid = rel AND c.contype = 'f'
          AND c.confrelid <> rel
          AND NOT EXISTS (SELECT FROM citus_stub.calls k
                          WHERE k.relation = c.confrelid
                            AND (k.fn = 'create_reference_table' OR distributed_ok))
    LOOP
        RAISE EXCEPTION 'referenced table "%" must be a distributed table or a reference table', target
            USING ERRCODE = 'feature_not_supported';
    END LOOP;
END;
$$;

-- Refuses a table that Citus manages already.
CREATE FUNCTION citus_stub.check_not_managed(rel regclass)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM citus_stub.calls WHERE relation = rel) THEN
        RAISE EXCEPTION 'table "%" is already distributed', rel
            USING ERRCODE = 'invalid_table_definition';
    END IF;
END;
$$;

CREATE FUNCTION citus_stub.create_reference_table(rel regclass)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM citus_stub.check_not_managed(rel);
    PERFORM citus_stub.check_foreign_keys(rel, false);
    INSERT INTO citus_stub.calls (fn, relation) VALUES ('create_reference_table', rel);
END;
$$;

CREATE FUNCTION citus_stub.create_distributed_table(rel regclass, dist_col text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    attnum int2;
    con text;
BEGIN
    PERFORM citus_stub.check_not_managed(rel);
    SELECT a.attnum INTO attnum FROM pg_attribute a
    WHERE a.attrelid = rel AND a.attname = dist_col AND a.attnum > 0 AND NOT a.attisdropped;
    IF attnum IS NULL THEN
        RAISE EXCEPTION 'column "%" of relation "%" does not exist', dist_col, rel
            USING ERRCODE = 'undefined_column';
    END IF;
    FOR con IN
        SELECT c.conname FROM pg_constraint c
        WHERE c.conrelid = rel AND c.contype IN ('p', 'u', 'x') AND NOT attnum = ANY (c.conkey)
    LOOP
        RAISE EXCEPTION 'cannot create constraint on "%"', rel
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = 'Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the partition column (with an equality operator if EXCLUDE).';
    END LOOP;
    PERFORM citus_stub.check_foreign_keys(rel, true);
    INSERT INTO citus_stub.calls (fn, relation, dist_col) VALUES ('create_distributed_table', rel, dist_col);
END;
$$;
