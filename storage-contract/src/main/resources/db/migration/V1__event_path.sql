-- DeskPulse schema, owned by scoring-service. reporting-service only reads it: the tables and the
-- functions below are the contract between the two (see docs/storage.md).

-- Exactly-once: the next Kafka offset to apply per partition, written in the same transaction as the
-- aggregates that the records before it produced.
CREATE TABLE scoring_offsets (
    consumer_group  text        NOT NULL,
    topic           text        NOT NULL,
    kafka_partition int         NOT NULL,
    next_offset     bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, kafka_partition)
);

-- Identities (tenant, source, id) of applied events, as a name-based UUID, kept for the dedup window.
CREATE TABLE seen_events (
    event_key uuid        PRIMARY KEY,
    seen_at   timestamptz NOT NULL DEFAULT now()
);
-- Rows arrive in seen_at order, so a BRIN index makes the window purge cheap.
CREATE INDEX seen_events_seen_at ON seen_events USING brin (seen_at);

-- Each ticket's timeline: its essential facts in event-time order, in a compact binary encoding
-- (scoring-service's TimelineCodec). KPIs are derived from it, never from single events.
CREATE TABLE ticket_timelines (
    tenant_id   text        NOT NULL,
    ticket_id   text        NOT NULL,
    events      bytea       NOT NULL,
    event_count int         NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, ticket_id)
);

-- Additive aggregates per UTC hour, team, agent and channel. '' stands for "no team" / "no agent" /
-- "unknown channel". Everything is a count, a sum or a histogram, so any set of rows adds up:
-- days, weeks and months in any time zone whose offset is a whole number of hours are exact unions
-- of hours. Durations are stored in milliseconds.
CREATE TABLE kpi_hourly (
    tenant_id             text        NOT NULL,
    bucket                timestamptz NOT NULL,
    team_id               text        NOT NULL,
    agent_id              text        NOT NULL,
    channel               text        NOT NULL,
    tickets_created       bigint      NOT NULL DEFAULT 0,
    tickets_resolved      bigint      NOT NULL DEFAULT 0,
    resolution_count      bigint      NOT NULL DEFAULT 0,
    resolution_sum_ms     bigint      NOT NULL DEFAULT 0,
    resolution_hist       int[]       NOT NULL DEFAULT '{}',
    reopened_resolutions  bigint      NOT NULL DEFAULT 0,
    first_response_count  bigint      NOT NULL DEFAULT 0,
    first_response_sum_ms bigint      NOT NULL DEFAULT 0,
    first_response_hist   int[]       NOT NULL DEFAULT '{}',
    agent_replies         bigint      NOT NULL DEFAULT 0,
    customer_messages     bigint      NOT NULL DEFAULT 0,
    csat_count            bigint      NOT NULL DEFAULT 0,
    csat_sum              bigint      NOT NULL DEFAULT 0,
    csat_satisfied        bigint      NOT NULL DEFAULT 0,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, bucket, team_id, agent_id, channel)
);

-- Histograms are sparse int arrays of (bin, count) pairs sorted by bin: {bin1,count1,bin2,count2,...}.
-- Bin 0 holds zero durations; bin b >= 1 holds durations d (ms) with gamma^(b-2) < d <= gamma^(b-1),
-- gamma = 1.01/0.99, so a bin's representative value 2*gamma^(b-1)/(gamma+1) is within 1 % of every
-- value in it (a DDSketch-style log histogram). Counts may be negative in a delta (retractions).

-- Adds two histograms; bins that reach zero disappear.
CREATE FUNCTION hist_merge(a int[], b int[]) RETURNS int[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(v ORDER BY bin, k), '{}'::int[])
    FROM (
        SELECT bin, sum(cnt)::int AS total
        FROM (
            SELECT a[i] AS bin, a[i + 1] AS cnt FROM generate_series(1, coalesce(cardinality(a), 0), 2) AS i
            UNION ALL
            SELECT b[i], b[i + 1] FROM generate_series(1, coalesce(cardinality(b), 0), 2) AS i
        ) pairs
        GROUP BY bin
        HAVING sum(cnt) <> 0
    ) merged,
    LATERAL (VALUES (0, bin), (1, total)) AS flat(k, v)
$$;

-- The (bin, count) pairs of a histogram as rows, for reports that merge many histograms with GROUP BY.
CREATE FUNCTION hist_pairs(h int[]) RETURNS TABLE (bin int, cnt int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT h[i], h[i + 1] FROM generate_series(1, coalesce(cardinality(h), 0), 2) AS i
$$;
