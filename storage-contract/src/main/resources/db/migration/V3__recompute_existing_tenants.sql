-- Aggregates written before V2 lack the metrics V2 added (FCR, SLA, business hours, ...): ask the
-- recomputation worker to rebuild every tenant that already has timelines, into a new generation, so
-- that after an upgrade every metric covers the whole history. Reports keep the old numbers until each
-- rebuild completes. On a new database there are no tenants and this does nothing.
-- (Events of types the previous version ignored were not kept in timelines: replay them with
-- POST /v1/replays, see scoring-service/README.md.)
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
    SELECT id, tenant_id, 'upgrade: metrics added by V2', s.active_settings_version, t.generation, 'running', t.total,
           'migration V3'
    FROM tenants t JOIN tenant_state s USING (tenant_id)
    RETURNING id, tenant_id, generation, settings_version
)
UPDATE tenant_state s SET building_generation = r.generation, building_settings_version = r.settings_version,
    recomputation_id = r.id, cursor_kind = NULL, cursor_subject = NULL, cursor_day = NULL
FROM requested r WHERE s.tenant_id = r.tenant_id;
