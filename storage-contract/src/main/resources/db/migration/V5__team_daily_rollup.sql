-- Performance (docs/performance.md): a team-day rollup for reports by team or for the tenant, room for
-- in-place (HOT) updates of the aggregate rows, and the histogram sum as an aggregate for this backfill.

-- The same measures as kpi_daily summed over agents and channels: a quarter of a team-by-day report
-- reads about 90 rows per team instead of tens of thousands of agent-and-channel rows.
CREATE TABLE kpi_team_daily (LIKE kpi_daily INCLUDING DEFAULTS);
ALTER TABLE kpi_team_daily DROP COLUMN agent_id;
ALTER TABLE kpi_team_daily DROP COLUMN channel;
ALTER TABLE kpi_team_daily ADD PRIMARY KEY (tenant_id, generation, day, team_id);

-- Aggregate rows are updated over and over; free space on their pages lets PostgreSQL update them in
-- place (HOT) without a new primary-key entry each time. Applies to pages written from now on.
ALTER TABLE kpi_hourly SET (fillfactor = 85);
ALTER TABLE kpi_daily SET (fillfactor = 85);
ALTER TABLE kpi_team_daily SET (fillfactor = 85);

-- Sum of histograms over rows (hist_merge as an aggregate), for ad-hoc queries and tests. It merges the
-- growing sum again at every row: fine for a few rows, far too slow for a backfill, which adds bins set-wise.
CREATE AGGREGATE hist_sum(int[]) (SFUNC = hist_merge, STYPE = int[], INITCOND = '{}');

INSERT INTO kpi_team_daily (tenant_id, generation, day, team_id,
    tickets_created, tickets_resolved, resolution_count, resolution_sum_ms, resolution_bh_sum_ms,
    reopened_resolutions, first_resolutions, fcr_count, first_response_count, first_response_sum_ms,
    first_response_bh_sum_ms, first_response_sla_met, transfers, agent_replies, customer_messages,
    csat_count, csat_sum, csat_satisfied, handle_count, handle_sum_ms, nps_count, nps_promoters,
    nps_detractors, qa_count, qa_sum_milli, qa_passed, online_ms, conversions, sales_amount_milli,
    peer_review_count, peer_review_sum, complaints)
SELECT tenant_id, generation, day, team_id,
    sum(tickets_created), sum(tickets_resolved), sum(resolution_count), sum(resolution_sum_ms), sum(resolution_bh_sum_ms),
    sum(reopened_resolutions), sum(first_resolutions), sum(fcr_count), sum(first_response_count), sum(first_response_sum_ms),
    sum(first_response_bh_sum_ms), sum(first_response_sla_met), sum(transfers), sum(agent_replies), sum(customer_messages),
    sum(csat_count), sum(csat_sum), sum(csat_satisfied), sum(handle_count), sum(handle_sum_ms), sum(nps_count), sum(nps_promoters),
    sum(nps_detractors), sum(qa_count), sum(qa_sum_milli), sum(qa_passed), sum(online_ms), sum(conversions), sum(sales_amount_milli),
    sum(peer_review_count), sum(peer_review_sum), sum(complaints)
FROM kpi_daily
GROUP BY tenant_id, generation, day, team_id;

-- Each histogram: the (bin, count) pairs of a team-day's rows summed per bin, back into one sorted array.
CREATE FUNCTION pg_temp.backfill_team_histogram(hist text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($q$
        UPDATE kpi_team_daily t SET %1$I = m.pairs
        FROM (
            SELECT tenant_id, generation, day, team_id, array_agg(v ORDER BY bin, k) AS pairs
            FROM (
                SELECT d.tenant_id, d.generation, d.day, d.team_id, p.bin, sum(p.cnt)::int AS total
                FROM kpi_daily d CROSS JOIN LATERAL hist_pairs(d.%1$I) p
                GROUP BY 1, 2, 3, 4, 5
                HAVING sum(p.cnt) <> 0
            ) bins, LATERAL (VALUES (0, bin), (1, total)) AS flat(k, v)
            GROUP BY 1, 2, 3, 4
        ) m
        WHERE t.tenant_id = m.tenant_id AND t.generation = m.generation AND t.day = m.day AND t.team_id = m.team_id
    $q$, hist);
END $$;
SELECT pg_temp.backfill_team_histogram(h)
FROM unnest(ARRAY['resolution_hist', 'resolution_bh_hist', 'first_response_hist', 'first_response_bh_hist',
                  'handle_hist']) AS h;
