-- Streaks (issue 16 part 6; docs/scorecards.md#streaks): a kept report marks each team's and agent's run of
-- consecutive periods scored at or above the tenant's threshold. Two things are kept for it, so that a kept report
-- never changes:

-- 1. The threshold in force when the report was kept (streaks.min_score of the scoring models version it names).
--    Reports kept before this migration had none; they take the documented default, 80.
ALTER TABLE period_reports ADD COLUMN streak_min_score numeric(6, 3) NOT NULL DEFAULT 80;

-- 2. The agents' sums, so that agents have scorecards in a kept report too: per agent, team, channel and exemption
--    (an exemption covers a team's contributions, an agent's too: docs/scorecards.md#exemptions), the same measure
--    columns as kpi_daily and period_report_rows. A migration that adds a measure to kpi_daily adds it here too.
--    Apart from period_report_rows, whose sums over teams every reader of a report's teams relies on.
CREATE TABLE period_report_agent_rows (LIKE kpi_daily INCLUDING DEFAULTS);
ALTER TABLE period_report_agent_rows
    DROP COLUMN tenant_id, DROP COLUMN generation, DROP COLUMN day, DROP COLUMN updated_at;
ALTER TABLE period_report_agent_rows
    ADD COLUMN report_id bigint NOT NULL REFERENCES period_reports ON DELETE CASCADE,
    ADD COLUMN exemption_id bigint NOT NULL DEFAULT 0;
ALTER TABLE period_report_agent_rows ADD PRIMARY KEY (report_id, agent_id, team_id, channel, exemption_id);

-- The history a streak is counted over: a tenant's reports of one length in period order.
CREATE INDEX period_reports_streaks ON period_reports (tenant_id, granularity, period_start, id);
