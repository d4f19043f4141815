-- Customer effort, sentiment and measured churn (issue 16 parts 4 and 5; docs/kpis.md, docs/storage.md).

-- The effort and sentiment measures in the three aggregate tables and in the period report rows, which hold the
-- measures of kpi_daily (V18). Effort scores are kept in thousandths of the 1..7 scale (a 1..5 answer maps onto
-- it with fractions); sentiment in thousandths of -1..1.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['kpi_hourly', 'kpi_daily', 'kpi_team_daily', 'period_report_rows'] LOOP
        EXECUTE format($sql$
            ALTER TABLE %I
                ADD COLUMN ces_count           bigint NOT NULL DEFAULT 0,
                ADD COLUMN ces_sum_milli       bigint NOT NULL DEFAULT 0,
                ADD COLUMN ces_easy            bigint NOT NULL DEFAULT 0,
                ADD COLUMN sentiment_count     bigint NOT NULL DEFAULT 0,
                ADD COLUMN sentiment_sum_milli bigint NOT NULL DEFAULT 0,
                ADD COLUMN sentiment_negative  bigint NOT NULL DEFAULT 0
        $sql$, t);
    END LOOP;
END $$;

-- The churn-risk signals of a ticket now, and as they stood after each event that changed them, so that the at-risk
-- score can be rebuilt as of a past day (GET /v1/customers/at-risk/backtest): a JSON array of
-- [at epoch ms, complaint 0/1, latest CSAT 1-2 0/1, reopens so far, negative sentiment 0/1], in event-time order.
ALTER TABLE ticket_facts
    ADD COLUMN negative_sentiment boolean NOT NULL DEFAULT false,
    ADD COLUMN risk_history       jsonb   NOT NULL DEFAULT '[]';

-- customer.churned and customer.renewed, one row per event (keyed by its identity: a resent event is stored once),
-- written by scoring's batches in the transaction that applies them. Churn KPIs and the back-test read them by
-- event time, so order and lateness do not matter.
CREATE TABLE customer_lifecycle_events (
    tenant_id     text        NOT NULL,
    customer_id   text        COLLATE "C" NOT NULL,
    -- the event's identity (as in the timelines: 64 bits of the hash of tenant, source and id)
    event_id      bigint      NOT NULL,
    at            timestamptz NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('churned', 'renewed')),
    revenue_milli bigint,
    currency      text,
    PRIMARY KEY (tenant_id, customer_id, event_id)
);
CREATE INDEX customer_lifecycle_events_time ON customer_lifecycle_events (tenant_id, at);

-- Tickets stored before this version have no risk history: recompute every tenant (as V24 did), which rewrites
-- their facts. A recomputation already running is superseded by this one: it would build without the history.
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
    SELECT t.id, t.tenant_id, 'upgrade: churn-risk history of tickets (V27)', s.active_settings_version, t.generation,
           'running', t.total, 'migration V27'
    FROM tenants t JOIN tenant_state s USING (tenant_id)
    RETURNING id, tenant_id, generation, settings_version
)
UPDATE tenant_state s SET building_generation = r.generation, building_settings_version = r.settings_version,
    recomputation_id = r.id, cursor_kind = NULL, cursor_subject = NULL, cursor_day = NULL
FROM requested r WHERE s.tenant_id = r.tenant_id;
