-- An agent-day rollup (issue 15, query (b); docs/storage.md, docs/performance-changelog.md): the measures of kpi_daily
-- summed over channels and queues, per local day, team and agent. A month of one team's agents by day read about six
-- kpi_daily rows per report row (one per channel and queue) and added them up at every request; from this table it
-- reads one. Scoring writes it in the batch's transaction with the other aggregates, exactly as kpi_team_daily (V5).
CREATE TABLE kpi_agent_daily (LIKE kpi_daily INCLUDING DEFAULTS);
ALTER TABLE kpi_agent_daily DROP COLUMN channel;
ALTER TABLE kpi_agent_daily DROP COLUMN queue_id;
ALTER TABLE kpi_agent_daily ADD PRIMARY KEY (tenant_id, generation, day, team_id, agent_id);
-- As the other aggregate tables (V5, V19): room for in-place updates, vacuumed early.
ALTER TABLE kpi_agent_daily SET (fillfactor = 85, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02);

-- The backfill of every generation already stored, set-wise: the counters summed, then each histogram's (bin, count)
-- pairs summed per bin back into one sorted array (as V5 did for the team days). The columns are read from the
-- catalog, so that the measures added to kpi_daily since V5 (V24, V26, V27) come along without being listed again.
DO $$
DECLARE
    counters text;
    sums text;
    histogram text;
BEGIN
    SELECT string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position),
           string_agg(format('sum(%I)', column_name), ', ' ORDER BY ordinal_position)
    INTO counters, sums
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'kpi_agent_daily' AND data_type = 'bigint';

    EXECUTE format($q$
        INSERT INTO kpi_agent_daily (tenant_id, generation, day, team_id, agent_id, %1$s)
        SELECT tenant_id, generation, day, team_id, agent_id, %2$s
        FROM kpi_daily
        GROUP BY tenant_id, generation, day, team_id, agent_id
    $q$, counters, sums);

    FOR histogram IN
        SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'kpi_agent_daily' AND data_type = 'ARRAY'
        ORDER BY ordinal_position
    LOOP
        EXECUTE format($q$
            UPDATE kpi_agent_daily t SET %1$I = m.pairs
            FROM (
                SELECT tenant_id, generation, day, team_id, agent_id, array_agg(v ORDER BY bin, k) AS pairs
                FROM (
                    SELECT d.tenant_id, d.generation, d.day, d.team_id, d.agent_id, p.bin, sum(p.cnt)::int AS total
                    FROM kpi_daily d CROSS JOIN LATERAL hist_pairs(d.%1$I) p
                    GROUP BY 1, 2, 3, 4, 5, 6
                    HAVING sum(p.cnt) <> 0
                ) bins, LATERAL (VALUES (0, bin), (1, total)) AS flat(k, v)
                GROUP BY 1, 2, 3, 4, 5
            ) m
            WHERE t.tenant_id = m.tenant_id AND t.generation = m.generation AND t.day = m.day
              AND t.team_id = m.team_id AND t.agent_id = m.agent_id
        $q$, histogram);
    END LOOP;
END $$;
