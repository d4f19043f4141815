-- Per-ticket facts (one row per ticket, for drill-down exports and as the baseline a plain GROUP BY
-- would use), and daily rollups of the aggregates in the tenant's time zone (docs/storage.md).

-- Derived from the ticket's timeline whenever it changes; independent of settings. Attribution is
-- recorded as it was at each event (created_*, first_response_*), the holder as it is now (team_id,
-- agent_id). Durations in milliseconds.
CREATE TABLE ticket_facts (
    tenant_id               text        NOT NULL,
    ticket_id               text        COLLATE "C" NOT NULL,
    channel                 text,
    priority                text,
    status                  text        NOT NULL,
    customer_id             text,
    created_at              timestamptz,
    created_team_id         text,
    created_agent_id        text,
    team_id                 text,
    agent_id                text,
    first_response_at       timestamptz,
    first_response_ms       bigint,
    first_response_team_id  text,
    first_responder_id      text,
    first_solved_at         timestamptz,
    last_solved_at          timestamptz,
    resolutions             int         NOT NULL,
    reopens                 int         NOT NULL,
    transfers               int         NOT NULL,
    agent_replies           int         NOT NULL,
    csat_score              smallint,
    fcr                     boolean,
    tags                    text[]      NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, ticket_id)
);
CREATE INDEX ticket_facts_created ON ticket_facts (tenant_id, created_at);
CREATE INDEX ticket_facts_updated ON ticket_facts (tenant_id, updated_at, ticket_id);

-- The same measures as kpi_hourly per local day of the time zone of the generation's settings: a
-- report in the tenant's own zone (the default) reads a day's row instead of 24 hourly ones.
CREATE TABLE kpi_daily (LIKE kpi_hourly INCLUDING DEFAULTS);
ALTER TABLE kpi_daily DROP COLUMN bucket;
ALTER TABLE kpi_daily ADD COLUMN day date NOT NULL;
ALTER TABLE kpi_daily ADD PRIMARY KEY (tenant_id, generation, day, team_id, agent_id, channel);

-- Reporting also needs the zone the active generation's days are in (a time zone change recomputes).
DROP VIEW tenant_reporting;
CREATE VIEW tenant_reporting AS
SELECT t.tenant_id,
       coalesce(s.active_generation, 0) AS generation,
       coalesce(v.settings ->> 'time_zone', 'UTC') AS time_zone,
       coalesce(a.settings ->> 'time_zone', 'UTC') AS daily_time_zone
FROM (SELECT tenant_id FROM tenant_state UNION SELECT tenant_id FROM tenant_settings_versions) t
LEFT JOIN tenant_state s ON s.tenant_id = t.tenant_id
LEFT JOIN LATERAL (
    SELECT settings FROM tenant_settings_versions v
    WHERE v.tenant_id = t.tenant_id ORDER BY version DESC LIMIT 1
) v ON true
LEFT JOIN tenant_settings_versions a ON a.tenant_id = t.tenant_id AND a.version = s.active_settings_version;

-- Existing tenants: facts and daily rows come from a recomputation (facts from the batches that touch a
-- ticket, and from the recomputation's walk over every timeline).
UPDATE recomputations SET status = 'superseded', finished_at = now() WHERE status = 'running';
INSERT INTO retired_generations (tenant_id, generation)
SELECT tenant_id, building_generation FROM tenant_state WHERE building_generation IS NOT NULL
ON CONFLICT DO NOTHING;
WITH tenants AS (
    SELECT s.tenant_id, gen_random_uuid() AS id,
           greatest(s.active_generation, coalesce(s.building_generation, 0)) + 1 AS generation,
           (SELECT count(*) FROM ticket_timelines t WHERE t.tenant_id = s.tenant_id)
           + (SELECT count(*) FROM agent_timelines a WHERE a.tenant_id = s.tenant_id) AS total
    FROM tenant_state s
    WHERE EXISTS (SELECT 1 FROM ticket_timelines t WHERE t.tenant_id = s.tenant_id)
       OR EXISTS (SELECT 1 FROM agent_timelines a WHERE a.tenant_id = s.tenant_id)
), requested AS (
    INSERT INTO recomputations (id, tenant_id, reason, settings_version, generation, status, timelines_total, requested_by)
    SELECT t.id, t.tenant_id, 'upgrade: facts and daily rollups (V4)', s.active_settings_version, t.generation, 'running',
           t.total, 'migration V4'
    FROM tenants t JOIN tenant_state s USING (tenant_id)
    RETURNING id, tenant_id, generation, settings_version
)
UPDATE tenant_state s SET building_generation = r.generation, building_settings_version = r.settings_version,
    recomputation_id = r.id, cursor_kind = NULL, cursor_subject = NULL, cursor_day = NULL
FROM requested r WHERE s.tenant_id = r.tenant_id;
