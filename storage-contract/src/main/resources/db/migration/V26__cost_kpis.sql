-- Cost per contact (issue 16, docs/kpis.md): the cost of online time and of handled contacts at the tenant's cost
-- rates (settings cost_rates), in thousandths of the tenant's currency, in every aggregate table and in the period
-- report rows, which hold the same measure columns (as V24 added its measures).
-- No recomputation: until a tenant saves cost rates every cost is 0, which is what the default of the column says;
-- saving rates is a settings change and recomputes that tenant as any other does.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['kpi_hourly', 'kpi_daily', 'kpi_team_daily', 'period_report_rows'] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN cost_milli bigint NOT NULL DEFAULT 0', t);
    END LOOP;
END $$;
