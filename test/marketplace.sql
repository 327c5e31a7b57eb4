-- test/marketplace.sql: a sample freelance marketplace for jss reports and
-- benchmarks.  Plain SQL (does not need the jss extension).
--
--   psql -X -q -v ON_ERROR_STOP=1 [-v contracts=100000] [-v seed=0.42] -f test/marketplace.sql
--
-- Parameters (psql variables):
--   contracts  number of contracts (default 100000, at least 1000);
--              freelancers = contracts / 40, clients = contracts / 100
--   seed       setseed() value in [-1, 1] (default 0.42); the same
--              parameters load the same rows, bit for bit
--
-- Drops and creates, in the current schema, the tables freelancers, clients
-- and contracts, loads them in one transaction, ANALYZEs them and prints one
-- line: "marketplace: N contracts, F freelancers, C clients".
--
-- The model
--   Time      contracts end between 2023-01-01 and the horizon 2026-11-14
--             00:00 UTC, a little more often recently (the market grows);
--             they start days (fixed price, median 12 days) to months
--             (hourly, median 35 days) earlier, never before the freelancer
--             joined.  3% are ongoing: ended_at NULL, started in the last 90
--             days, no feedback yet.
--   Money     fixed price (55%): lognormal, median $180 (many small jobs, a
--             few above $10,000), paid_length NULL; hourly: the freelancer's
--             rate (median $22/h) x 2..26 hours a week x weeks, paid_length
--             = the contract's length in whole days (so far, if ongoing).
--   Freelancers
--             each has a quality q(t) in [0, 1]; every signal of a contract
--             is drawn from it and from the client's profile.
--               excellent 50%  q ~ 0.94      good 22%  q ~ 0.85
--               declining  8%  q ~ 0.90, falling linearly to 0.30..0.45 over
--                              the last 9 to 12 months before the horizon
--               improving  5%  q rising from ~0.50 to ~0.90 over 2023..2026
--               poor       5%  q ~ 0.55, and often slow to respond
--               new       10%  joined in 2026, 1 to 6 contracts, q 0.65..0.97
--             Contracts per freelancer (other than new): lognormal, median
--             ~30 (most 10..80, a few hundred at most); 5% are occasional
--             freelancers with 1 to 3.  The total is exactly :contracts.
--   Clients   typical 85%, generous 10% (rate higher), harsh 5% (rate 1..3
--             publicly and 0..5 privately, file disputes, complaints and
--             refunds often).  Big clients hire more (client k is picked with
--             density ~ k^-1/3).  Each freelancer has a small pool of regular
--             clients (1 to ~10, more for busy freelancers) and takes 35% to
--             75% of their contracts from it; long_term is true from the 3rd
--             contract (by start) of a freelancer-client pair on.
--   Feedback  of the ended contracts, 15% have no rating, 13% only a public
--             one and 3% only a private one.  Public ratings 1..5 in steps
--             of 0.5 (~1 + 4q), private ratings 0..10 in steps of 1 (~10q).
--             Problems grow with b = 1 - q: disputes, refunds (about half of
--             the disputes), complaints, missed deadlines, slow responses
--             (response_hours 30..100; otherwise lognormal, median 2.5 h;
--             NULL for 10%).  completed is false for failed contracts, NULL
--             for ongoing ones and for a third of those closed without
--             feedback, so some contracts carry no signal at all.
--   At the defaults this gives: public rating NULL 21%, private NULL 30%,
--   disputed 2.1%, refunded 1.3%, missed deadlines 4.8%, complaints 2.2%,
--   response > 24 h 5.8%, long_term 44%, no jss signal at all 3.6%.
--
-- Determinism: setseed(:seed) once, then random() only in the target lists
-- of single-process INSERT/CREATE ... SELECT statements over generate_series
-- (or a table written in order), each draw in a subquery fenced with OFFSET 0
-- so that it is evaluated exactly once per row, in row order.

\if :{?contracts}
\else
\set contracts 100000
\endif
\if :{?seed}
\else
\set seed 0.42
\endif

SELECT (:contracts)::bigint < 1000 AS mkt_too_small,
       (:contracts)::bigint AS mkt_n,
       greatest(1, (:contracts)::bigint / 40) AS mkt_nf,
       greatest(1, (:contracts)::bigint / 100) AS mkt_nc,
       extract(epoch FROM timestamptz '2023-01-01 00:00+00') AS mkt_t0,
       extract(epoch FROM timestamptz '2026-11-14 00:00+00') AS mkt_t1 \gset
\if :mkt_too_small
DO $$ BEGIN RAISE EXCEPTION 'marketplace: contracts must be at least 1000'; END $$;
\endif

BEGIN;
SET LOCAL client_min_messages = warning;
SET LOCAL max_parallel_workers_per_gather = 0;   -- one process draws random() in row order
SET LOCAL synchronize_seqscans = off;
SET LOCAL jit = off;                             -- compiling costs more than it saves here
SET LOCAL TimeZone = 'UTC';
SET LOCAL work_mem = '256MB';                    -- the final sorts of contracts
SET LOCAL maintenance_work_mem = '256MB';        -- primary key and index builds

DROP TABLE IF EXISTS contracts, freelancers, clients;

CREATE TABLE clients (
    client_id int PRIMARY KEY,
    country   text NOT NULL,
    profile   text NOT NULL CHECK (profile IN ('typical', 'generous', 'harsh'))
);

CREATE TABLE freelancers (
    freelancer_id int PRIMARY KEY,
    joined_at     timestamptz NOT NULL,
    country       text NOT NULL,
    profile       text NOT NULL
                  CHECK (profile IN ('excellent', 'good', 'declining', 'improving', 'poor', 'new'))
);

-- Primary key, foreign keys and indexes are added after the load (faster).
CREATE TABLE contracts (
    contract_id      bigint NOT NULL,
    freelancer_id    int NOT NULL,
    client_id        int NOT NULL,
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz,                   -- NULL: ongoing
    earned           numeric(12,2) NOT NULL CHECK (earned >= 0),
    paid_length      interval CHECK (paid_length >= interval '0'),  -- NULL: fixed price
    public_rating    float8 CHECK (public_rating BETWEEN 1 AND 5),
    private_rating   float8 CHECK (private_rating BETWEEN 0 AND 10),
    completed        boolean,
    disputed         boolean NOT NULL DEFAULT false,
    refunded         boolean NOT NULL DEFAULT false,
    complaints       int NOT NULL DEFAULT 0 CHECK (complaints >= 0),
    missed_deadlines int NOT NULL DEFAULT 0 CHECK (missed_deadlines >= 0),
    response_hours   float8 CHECK (response_hours >= 0),
    long_term        boolean NOT NULL DEFAULT false,
    CHECK (ended_at IS NULL OR ended_at > started_at)
);

SELECT setseed(:seed) AS mkt_seeded \gset

-- Clients: a country (weighted towards the US and Western Europe) and a profile.
INSERT INTO clients (client_id, country, profile)
SELECT client_id,
       (ARRAY['US','US','US','US','US','US','US','US','US','US','US','US',
              'GB','GB','GB','CA','CA','AU','AU','DE','DE','NL','FR','IL',
              'SG','AE','IN','CH','SE','IE'])[1 + floor(u_country * 30)::int],
       CASE WHEN u_profile < 0.05 THEN 'harsh'
            WHEN u_profile < 0.15 THEN 'generous'
            ELSE 'typical' END
FROM (SELECT client_id, random() AS u_profile, random() AS u_country
      FROM generate_series(1, :mkt_nc) AS client_id OFFSET 0) AS d;

-- Freelancers' hidden parameters (fl), then the freelancers table from it.
--   n            contracts (exactly :contracts in all)
--   t_from       earliest end of a contract (epoch): joined_at + 3 days, not before 2023
--   q0, q1, t_q  quality q0 until t_q, moving linearly to q1 at the horizon
--   p_slow       chance of a slow response on a contract
--   pool, rehire regular clients, and the share of contracts given by them
CREATE TEMP TABLE fl ON COMMIT DROP AS
WITH draws AS (
    SELECT freelancer_id,
           random() AS u_profile, random() AS u_joined, random() AS u_country,
           random() AS u_n1, random() AS u_n2, random() AS u_q1, random() AS u_q2,
           random() AS u_pivot, random() AS u_drop, random() AS u_slow,
           random() AS u_hourly, random() AS u_rate1, random() AS u_rate2,
           random() AS u_rehire, random() AS u_pool
    FROM generate_series(1, :mkt_nf) AS freelancer_id
    OFFSET 0
), profiled AS (
    SELECT d.*,
           CASE WHEN u_profile < 0.10 THEN 'new'
                WHEN u_profile < 0.15 THEN 'poor'
                WHEN u_profile < 0.20 THEN 'improving'
                WHEN u_profile < 0.28 THEN 'declining'
                WHEN u_profile < 0.50 THEN 'good'
                ELSE 'excellent' END AS profile,
           -- a standard normal from two uniforms (Box-Muller)
           sqrt(-2 * ln(1 - u_n1)) * cos(2 * pi() * u_n2) AS z_n,
           sqrt(-2 * ln(1 - u_q1)) * cos(2 * pi() * u_q2) AS z_q,
           sqrt(-2 * ln(1 - u_rate1)) * cos(2 * pi() * u_rate2) AS z_rate
    FROM draws d
), timed AS (
    SELECT p.*,
           CASE WHEN profile = 'new'
                THEN extract(epoch FROM timestamptz '2026-01-01 00:00+00') + u_joined * 292 * 86400
                WHEN profile IN ('declining', 'improving')   -- need a long history
                THEN extract(epoch FROM timestamptz '2015-01-01 00:00+00') + u_joined * 3440 * 86400
                ELSE extract(epoch FROM timestamptz '2015-01-01 00:00+00') + u_joined * 3955 * 86400
           END AS joined,
           -- how many contracts: fixed for new and occasional freelancers,
           -- a lognormal weight for the others, scaled below to the total
           CASE WHEN profile = 'new' THEN 1 + floor(6 * u_n1 ^ 1.5)::int
                WHEN u_n2 < 0.05 THEN 1 + floor(3 * u_n1)::int
           END AS n_fixed,
           CASE WHEN profile <> 'new' AND u_n2 >= 0.05
                THEN round(1000 * exp(0.9 * CASE WHEN z_n > 2.5           -- a softer far tail
                                                 THEN 2.5 + (z_n - 2.5) / 3
                                                 ELSE z_n END))::bigint
           END AS n_weight
    FROM profiled p
), counted AS (
    SELECT t.*,
           sum(n_weight) OVER (ORDER BY freelancer_id) AS w_cum,
           sum(n_weight) OVER () AS w_total,
           :mkt_n - sum(n_fixed) OVER () - count(n_weight) OVER () AS spare,
           -- the profile's typical quality, varying a little by freelancer
           CASE profile
                WHEN 'excellent' THEN least(0.99, 0.94 + 0.025 * z_q)
                WHEN 'good'      THEN least(0.97, 0.85 + 0.04 * z_q)
                WHEN 'declining' THEN least(0.97, 0.90 + 0.03 * z_q)    -- before the decline
                WHEN 'improving' THEN 0.50 + 0.05 * z_q                 -- at the start
                WHEN 'poor'      THEN greatest(0.30, 0.55 + 0.07 * z_q)
                ELSE 0.65 + 0.32 * u_q1                                 -- new
           END AS q_base
    FROM timed t
)
SELECT freelancer_id, profile, joined,
       CASE WHEN profile = 'new' THEN joined + 2 * 86400
            ELSE greatest(:mkt_t0, joined + 3 * 86400) END AS t_from,
       -- new and occasional: fixed; others: 1 + their share of the rest
       -- (floors of exact cumulative sums, so the counts add up exactly)
       coalesce(n_fixed, 1 + floor(spare * w_cum / w_total)
                           - floor(spare * (w_cum - n_weight) / w_total))::int AS n,
       (ARRAY['US','US','IN','IN','IN','IN','PH','PH','PH','UA','UA','PK','PK',
              'BD','BD','GB','NG','EG','BR','PL','RO','KE','AR','DE','CA',
              'VN','RS','ES','MX','LK'])[1 + floor(u_country * 30)::int] AS country,
       q_base AS q0,
       CASE profile WHEN 'declining' THEN q_base - 0.45 - 0.15 * u_drop
                    WHEN 'improving' THEN 0.88 + 0.05 * u_drop
                    ELSE q_base END AS q1,
       CASE WHEN profile = 'declining'   -- the decline starts 9 to 12 months before the horizon
            THEN :mkt_t1 - (270 + 95 * u_pivot) * 86400
            ELSE greatest(:mkt_t0, joined + 3 * 86400) END AS t_q,
       CASE WHEN u_slow < CASE WHEN profile = 'poor' THEN 0.4 ELSE 0.06 END
            THEN 0.35 ELSE 0.005 END AS p_slow,       -- slow responders: 35% of contracts
       0.15 + 0.6 * u_hourly AS hourly_share,
       least(150, greatest(5, 22 * exp(0.6 * z_rate))) AS rate,   -- $/hour, median 22
       CASE WHEN profile = 'new' THEN 0.2 ELSE 0.35 + 0.4 * u_rehire END AS rehire,
       u_pool
FROM counted;

-- Each freelancer's pool of regular clients (drawn per freelancer; bigger
-- clients are more likely, as for any contract).
CREATE TEMP TABLE fl_pool ON COMMIT DROP AS
SELECT fl.*,
       ARRAY(SELECT 1 + floor(:mkt_nc * random() ^ 1.5)::int
             FROM generate_series(1, 1 + floor(fl.u_pool * (1 + sqrt(fl.n) / 2))::int)) AS pool
FROM fl;

INSERT INTO freelancers (freelancer_id, joined_at, country, profile)
SELECT freelancer_id, to_timestamp(round(joined)), country, profile
FROM fl_pool ORDER BY freelancer_id;

-- Contracts.  Read from the innermost subquery out; every level is fenced
-- with OFFSET 0, so that each draw is made once per row, in row order.
--   Per freelancer (LATERAL, n rows):
--     a) the draws;
--     b) end (NULL: ongoing), hourly or fixed price, length in days, client;
--     c) start, and the freelancer's badness b = 1 - q(t) at the contract's
--        time (plus a little noise);
--     d) long_term: the 3rd and later contract (by start) with one client.
--   Then for every contract:
--     e) the client's kind, amount, which feedback was given, dispute, and
--        the draws for f) and g);
--     f) completion and refund;
--     g) the signals, and the columns as stored;
--   and contract_id in order of started_at.
INSERT INTO contracts
SELECT row_number() OVER (ORDER BY started_at, seq) AS contract_id,
       freelancer_id, client_id, started_at, ended_at, earned, paid_length,
       public_rating, private_rating, completed, disputed, refunded,
       complaints, missed_deadlines, response_hours, long_term
FROM (
    -- g) the signals
    SELECT seq, freelancer_id, client_id,
           to_timestamp(round(t_start)) AS started_at,
           to_timestamp(round(t_end)) AS ended_at,
           -- in cents, then numeric (cheaper than float8 -> numeric)
           round(CASE WHEN refunded AND NOT hourly THEN 0
                      WHEN completed = false THEN amount * (0.1 + 0.5 * u_partial)
                      WHEN t_end IS NULL AND NOT hourly THEN amount * u_partial  -- milestones so far
                      ELSE amount END * 100)::bigint * 0.01 AS earned,
           CASE WHEN hourly   -- whole days paid, to the end (or the horizon)
                THEN greatest(1, round((coalesce(t_end, :mkt_t1) - t_start) / 86400)) * interval '1 day'
           END AS paid_length,
           CASE WHEN has_public THEN
                CASE kind
                     WHEN 2 THEN least(3, greatest(1, round(2 * (1 + 2.2 * q + 0.4 * z_pub)) / 2))
                     WHEN 1 THEN least(5, greatest(1, round(2 * (1.5 + 4 * q + 0.3 * z_pub)) / 2))
                     ELSE        least(5, greatest(1, round(2 * (1.1 + 4 * q + 0.3 * z_pub)) / 2))
                END
           END AS public_rating,
           CASE WHEN has_private THEN
                CASE kind
                     WHEN 2 THEN least(5, greatest(0, round(5 * q + 1.2 * z_priv)))
                     WHEN 1 THEN least(10, greatest(0, round(1 + 10 * q + z_priv)))
                     ELSE        least(10, greatest(0, round(10 * q + 0.2 + z_priv)))
                END
           END AS private_rating,
           completed, disputed, refunded,
           CASE WHEN u_complaints < 0.004 + 0.15 * bad ^ 2 + CASE WHEN kind = 2 THEN 0.3 ELSE 0 END
                THEN 1 + floor(4 * u_count ^ 2)::int ELSE 0 END AS complaints,
           CASE WHEN u_missed < 0.03 + 0.5 * bad ^ 2 + CASE WHEN kind = 2 THEN 0.06 ELSE 0 END
                THEN 1 + floor(3 * u_count ^ 3)::int ELSE 0 END AS missed_deadlines,
           CASE WHEN u_response < 0.10 THEN NULL
                WHEN u_slow < p_slow + 0.5 * bad ^ 2
                THEN round(10 * (30 + 70 * u_hours)) / 10
                ELSE round(10 * least(200, exp(ln(2.5) + 0.95 * z_hours))) / 10
           END AS response_hours,
           long_term
    FROM (
        -- f) completion and refund
        SELECT e.*,
               CASE WHEN t_end IS NULL THEN NULL
                    WHEN u_completed < 0.01 + 0.2 * bad ^ 2 + CASE WHEN kind = 2 THEN 0.08 ELSE 0 END
                    THEN false
                    WHEN NOT has_public AND NOT has_private AND u_completed > 0.67 THEN NULL
                    ELSE true
               END AS completed,
               u_refunded < CASE WHEN disputed THEN 0.45
                                 WHEN kind = 2 THEN 0.03
                                 ELSE 0.002 + 0.02 * bad ^ 2 END AS refunded
        FROM (
            -- e) amount, feedback given, dispute; draws for f) and g)
            SELECT e0.*,
                   CASE WHEN hourly   -- rate x hours per week x weeks
                        THEN rate * (2 + 24 * u_week ^ 2) * exp(0.2 * z_amount)
                             * (coalesce(t_end, :mkt_t1) - t_start) / (7 * 86400)
                        ELSE least(80000, greatest(5, exp(ln(180) + 1.1 * z_amount)))
                   END AS amount,
                   t_end IS NOT NULL AND u_feedback >= 0.15
                       AND NOT (u_feedback >= 0.28 AND u_feedback < 0.313) AS has_public,
                   t_end IS NOT NULL AND u_feedback >= 0.28 AS has_private,
                   u_disputed < 0.004 + 0.35 * bad ^ 2 + CASE WHEN kind = 2 THEN 0.15 ELSE 0 END
                       AS disputed,
                   random() AS u_refunded, random() AS u_completed, random() AS u_partial,
                   random() AS u_complaints, random() AS u_missed, random() AS u_count,
                   random() AS u_response, random() AS u_slow, random() AS u_hours,
                   (random() + random() + random() - 1.5) * 2 AS z_pub,
                   (random() + random() + random() - 1.5) * 2 AS z_priv,
                   sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z_hours
            FROM (
                SELECT (fp.freelancer_id::bigint << 32) + d.k AS seq,
                       fp.freelancer_id, fp.p_slow, fp.rate, d.*, 1 - d.bad AS q,
                       -- the client's profile (0 typical, 1 generous, 2 harsh),
                       -- from an array built once (an InitPlan): no join
                       (SELECT array_agg(CASE profile WHEN 'harsh' THEN 2
                                                      WHEN 'generous' THEN 1
                                                      ELSE 0 END::int2 ORDER BY client_id)
                        FROM clients)[d.client_id] AS kind
                FROM fl_pool AS fp,
                     LATERAL (
                         -- d) long_term, within the freelancer's contracts
                         SELECT c.*,
                                row_number() OVER (PARTITION BY client_id ORDER BY t_start, k) >= 3
                                    AS long_term
                         FROM (
                             -- c) start, badness
                             SELECT b.*,
                                    CASE WHEN t_end IS NULL   -- ongoing: started in the last 90 days
                                         THEN greatest(fp.joined + 3600, :mkt_t1 - (1 + 89 * u_time) * 86400)
                                         ELSE greatest(fp.joined + 3600, t_end - days * 86400)
                                    END AS t_start,
                                    least(1, greatest(0,
                                        1 - fp.q0 - (fp.q1 - fp.q0) * greatest(0, least(1,
                                            (coalesce(t_end, :mkt_t1) - fp.t_q) / greatest(86400, :mkt_t1 - fp.t_q)))
                                        + 0.04 * (u_qa + u_qb - 1))) AS bad
                             FROM (
                                 -- b) end, kind of contract, length, client
                                 SELECT a.*,
                                        CASE WHEN u_ongoing < 0.03 THEN NULL
                                             ELSE fp.t_from + (:mkt_t1 - fp.t_from) * u_time ^ 0.85
                                        END AS t_end,
                                        u_hourly < fp.hourly_share AS hourly,
                                        CASE WHEN u_hourly < fp.hourly_share
                                             THEN least(540, greatest(1, exp(ln(35) + 0.9 * z_len)))
                                             ELSE least(240, greatest(0.5, exp(ln(12) + 0.9 * z_len)))
                                        END AS days,
                                        CASE WHEN u_client < fp.rehire
                                             THEN fp.pool[1 + floor(u_pick * cardinality(fp.pool))::int]
                                             ELSE 1 + floor(:mkt_nc * u_pick ^ 1.5)::int
                                        END AS client_id
                                 FROM (
                                     -- a) draws
                                     SELECT k,
                                            random() AS u_ongoing, random() AS u_time,
                                            random() AS u_hourly, random() AS u_client,
                                            random() AS u_pick, random() AS u_week,
                                            random() AS u_feedback, random() AS u_disputed,
                                            random() AS u_qa, random() AS u_qb,
                                            sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z_len,
                                            sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z_amount
                                     FROM generate_series(1, fp.n) AS k
                                     OFFSET 0
                                 ) AS a
                                 OFFSET 0
                             ) AS b
                             OFFSET 0
                         ) AS c
                     ) AS d
                OFFSET 0
            ) AS e0
            OFFSET 0
        ) AS e
        OFFSET 0
    ) AS f
    OFFSET 0
) AS g;

ALTER TABLE contracts
    ADD PRIMARY KEY (contract_id),
    ADD FOREIGN KEY (freelancer_id) REFERENCES freelancers,
    ADD FOREIGN KEY (client_id) REFERENCES clients;
CREATE INDEX ON contracts (ended_at);
CREATE INDEX ON contracts (freelancer_id);

ANALYZE freelancers, clients, contracts;

SELECT format('marketplace: %s contracts, %s freelancers, %s clients',
              (SELECT count(*) FROM contracts), (SELECT count(*) FROM freelancers),
              (SELECT count(*) FROM clients)) AS mkt_summary \gset
COMMIT;
\echo :mkt_summary
