-- Reply time and queue KPIs (issue 16, docs/kpis.md): new measures and histograms in every aggregate table and in
-- the period report rows, which hold the same measure columns; and the queue as a key of the hourly and daily rows.

-- The same measure columns in the three aggregate tables and in the period report rows, which hold the measures of
-- kpi_daily (V18).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['kpi_hourly', 'kpi_daily', 'kpi_team_daily', 'period_report_rows'] LOOP
        EXECUTE format($sql$
            ALTER TABLE %I
                ADD COLUMN reply_count       bigint NOT NULL DEFAULT 0,
                ADD COLUMN reply_sum_ms      bigint NOT NULL DEFAULT 0,
                ADD COLUMN reply_bh_sum_ms   bigint NOT NULL DEFAULT 0,
                ADD COLUMN offered           bigint NOT NULL DEFAULT 0,
                ADD COLUMN answered          bigint NOT NULL DEFAULT 0,
                ADD COLUMN abandoned         bigint NOT NULL DEFAULT 0,
                ADD COLUMN short_abandoned   bigint NOT NULL DEFAULT 0,
                ADD COLUMN asa_sum_ms        bigint NOT NULL DEFAULT 0,
                ADD COLUMN service_level_met bigint NOT NULL DEFAULT 0,
                ADD COLUMN reply_hist        int[]  NOT NULL DEFAULT '{}',
                ADD COLUMN reply_bh_hist     int[]  NOT NULL DEFAULT '{}',
                ADD COLUMN asa_hist          int[]  NOT NULL DEFAULT '{}'
        $sql$, t);
    END LOOP;
END $$;

-- The queue an interaction was offered to, '' for everything else (tickets, agents' days). The team-day rollup and
-- the period report rows sum over queues, as they do over agents.
ALTER TABLE kpi_hourly ADD COLUMN queue_id text NOT NULL DEFAULT '';
ALTER TABLE kpi_daily ADD COLUMN queue_id text NOT NULL DEFAULT '';

-- The queue joins the keys. Existing rows all hold '' there, so the new keys are unique as the old ones were.
ALTER TABLE kpi_hourly DROP CONSTRAINT kpi_hourly_pkey;
ALTER TABLE kpi_hourly ADD PRIMARY KEY (tenant_id, generation, bucket, team_id, agent_id, channel, queue_id);
ALTER TABLE kpi_daily DROP CONSTRAINT kpi_daily_pkey;
ALTER TABLE kpi_daily ADD PRIMARY KEY (tenant_id, generation, day, team_id, agent_id, channel, queue_id);

-- Reply time existed in the timelines before this version: recompute every tenant so that their past periods
-- get it (as V3 did for the catalog), through the ordinary online recomputation.
-- A recomputation already running is superseded by this one (as in V4): it would build without reply time.
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
), requested AS (
    INSERT INTO recomputations (id, tenant_id, reason, settings_version, generation, status, timelines_total, requested_by)
    SELECT t.id, t.tenant_id, 'upgrade: reply time (V24)', s.active_settings_version, t.generation, 'running',
           t.total, 'migration V24'
    FROM tenants t JOIN tenant_state s USING (tenant_id)
    RETURNING id, tenant_id, generation, settings_version
)
UPDATE tenant_state s SET building_generation = r.generation, building_settings_version = r.settings_version,
    recomputation_id = r.id, cursor_kind = NULL, cursor_subject = NULL, cursor_day = NULL
FROM requested r WHERE s.tenant_id = r.tenant_id;
