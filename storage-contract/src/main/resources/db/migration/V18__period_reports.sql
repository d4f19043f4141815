-- Scheduled period reports (docs/scorecards.md#period-reports): when a day, ISO week or month closes in
-- the tenant's time zone, scoring-service keeps each team's summed aggregates of it, so that the
-- report reads the same numbers whenever it is opened, even after late events restate the live KPIs.

CREATE TABLE period_reports (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text        NOT NULL,
    granularity    text        NOT NULL CHECK (granularity IN ('day', 'week', 'month')),
    period_start   date        NOT NULL,
    -- the last day of the period, inclusive
    period_end     date        NOT NULL,
    time_zone      text        NOT NULL,
    generation     int         NOT NULL,
    -- the scoring models version the scorecards use, and the exemptions in force, as they were
    model_version  int         NOT NULL,
    exemptions     jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- exactly one report per period, however many replicas try at once
    UNIQUE (tenant_id, granularity, period_start)
);
CREATE INDEX period_reports_list ON period_reports (tenant_id, period_start DESC, id DESC);

-- Per team, channel and exemption (0: days no exemption covered), the sums and merged histograms of
-- kpi_daily over the period: the same measure columns, so a migration that adds a measure to
-- kpi_hourly and kpi_daily adds it here too.
CREATE TABLE period_report_rows (LIKE kpi_daily INCLUDING DEFAULTS);
ALTER TABLE period_report_rows
    DROP COLUMN tenant_id, DROP COLUMN generation, DROP COLUMN day, DROP COLUMN agent_id, DROP COLUMN updated_at;
ALTER TABLE period_report_rows
    ADD COLUMN report_id bigint NOT NULL REFERENCES period_reports ON DELETE CASCADE,
    ADD COLUMN exemption_id bigint NOT NULL DEFAULT 0;
ALTER TABLE period_report_rows ADD PRIMARY KEY (report_id, team_id, channel, exemption_id);
