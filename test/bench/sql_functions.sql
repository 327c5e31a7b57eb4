-- test/bench/sql_functions.sql: the other side of P8.  The biweekly
-- recipe's two functions, freelancer_window_states and freelancer_scores,
-- are PL/pgSQL so that PostgreSQL never inlines them (Citus must plan
-- their queries itself).  Before, they were SQL functions with a
-- standard body (BEGIN ATOMIC), which PostgreSQL inlines into the calling
-- query.  This script creates that form again, in the schema recipe_sql,
-- from the very queries of the installed recipe (the text between RETURN
-- QUERY and END), so that P8 compares the two forms of the same queries:
-- what being planned on its own costs the recipe on one node.
--
--   psql -f test/bench/sql_functions.sql    (after test/recipes/biweekly.sql)

DROP SCHEMA IF EXISTS recipe_sql CASCADE;
CREATE SCHEMA recipe_sql;

-- The names in a standard body are bound when it is created: the inner
-- freelancer_window_states call to recipe_sql's, the tables to public's.
SET search_path = recipe_sql, public;

DO $$
DECLARE
    f record;
    body text;
BEGIN
    -- freelancer_window_states first: freelancer_scores' body calls it
    FOR f IN
        SELECT p.proname, pg_get_function_arguments(p.oid) AS args,
               pg_get_function_result(p.oid) AS result, p.prosrc
        FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace
          AND p.proname IN ('freelancer_window_states', 'freelancer_scores')
        ORDER BY p.proname = 'freelancer_scores'
    LOOP
        body := substring(f.prosrc FROM '(?s)RETURN QUERY(.*);\s*END;\s*$');
        IF body IS NULL THEN
            RAISE EXCEPTION 'public.%: no RETURN QUERY ... END in its body', f.proname;
        END IF;
        EXECUTE format('CREATE FUNCTION recipe_sql.%I(%s) RETURNS %s LANGUAGE sql STABLE PARALLEL SAFE '
                       'BEGIN ATOMIC %s; END', f.proname, f.args, f.result, body);
    END LOOP;
    IF (SELECT count(*) FROM pg_proc WHERE pronamespace = 'recipe_sql'::regnamespace) <> 2 THEN
        RAISE EXCEPTION 'the recipe''s two functions were not found in public';
    END IF;
END $$;

RESET search_path;
