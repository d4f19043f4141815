-- The items behind every aggregate cell, for GET /v1/kpis/contributions (docs/storage.md, docs/reporting-api.md).
-- One row per contribution scoring adds to kpi_hourly: what it belongs to (a ticket, or an agent's event, or an
-- agent's online time), its instant, the team, agent and channel credited, and the measures it adds (`parts`: the
-- kpi_hourly columns it changes, by name, and for a duration also the histogram column with the raw milliseconds).
-- Written from the same retractions and additions as the aggregates, in the same transaction: exactly once, and
-- restated by late events as the aggregates are. `n` counts equal contributions of one item (two replies of an
-- agent in the same millisecond); a row whose n reaches 0 is deleted.
CREATE TABLE kpi_contributions (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id  text        NOT NULL,
    generation int         NOT NULL,
    item_type  text        NOT NULL,
    item_id    text        NOT NULL,
    at         timestamptz NOT NULL,
    team_id    text        NOT NULL,
    agent_id   text        NOT NULL,
    channel    text        NOT NULL,
    kind       text        NOT NULL,
    parts      jsonb       NOT NULL,
    n          int         NOT NULL,
    PRIMARY KEY (tenant_id, generation, item_type, item_id, at, team_id, agent_id, channel, kind, parts)
) WITH (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 1000);

-- A cell is a tenant, a generation, a time range and perhaps a team or an agent; pages go by (at, id).
CREATE INDEX kpi_contributions_cell ON kpi_contributions (tenant_id, generation, at, id);
CREATE INDEX kpi_contributions_agent ON kpi_contributions (tenant_id, generation, agent_id, at, id);
CREATE INDEX kpi_contributions_team ON kpi_contributions (tenant_id, generation, team_id, at, id);

-- Aggregates written before V25 have no contribution rows: rebuild every tenant that has timelines into a new
-- generation (as V3 did), which writes them; reports keep the old numbers until the rebuild completes. A tenant
-- already rebuilding (another migration asked) gets them from that rebuild.
INSERT INTO tenant_state (tenant_id)
SELECT DISTINCT tenant_id FROM ticket_timelines
ON CONFLICT DO NOTHING;

WITH tenants AS (
    SELECT s.tenant_id, gen_random_uuid() AS id, s.active_generation + 1 AS generation,
           (SELECT count(*) FROM ticket_timelines t WHERE t.tenant_id = s.tenant_id) AS total
    FROM tenant_state s
    WHERE s.building_generation IS NULL
      AND EXISTS (SELECT 1 FROM ticket_timelines t WHERE t.tenant_id = s.tenant_id)
), requested AS (
    INSERT INTO recomputations (id, tenant_id, reason, settings_version, generation, status, timelines_total, requested_by)
    SELECT id, tenant_id, 'upgrade: contribution rows added by V25', s.active_settings_version, t.generation, 'running',
           t.total, 'migration V25'
    FROM tenants t JOIN tenant_state s USING (tenant_id)
    RETURNING id, tenant_id, generation, settings_version
)
UPDATE tenant_state s SET building_generation = r.generation, building_settings_version = r.settings_version,
    recomputation_id = r.id, cursor_kind = NULL, cursor_subject = NULL, cursor_day = NULL
FROM requested r WHERE s.tenant_id = r.tenant_id;
