package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.KpiReport;
import io.deskpulse.reporting.domain.kpi.KpiRow;
import io.deskpulse.reporting.domain.kpi.PageKey;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardPage;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardQuery;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardRow;
import io.deskpulse.reporting.domain.leaderboard.RankedMetric;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ReportSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Ranks the members of a dimension by one metric over a period. The values come from the KPI query path
 * ({@link KpiService}, granularity total: one row per member, the active generation, daily rollups where
 * they apply), so a leaderboard always agrees with {@code /v1/kpis}. Then in Java: members whose volume is
 * below the minimum (or with no value) are not ranked; the rest are sorted best first, ties by id, with
 * standard competition ranks (1, 2, 2, 4); unranked members follow, by id. Contributions credited to no
 * member are not a member and are left out.
 */
@ApplicationScoped
public class LeaderboardService {

    /** Members read per KPI page while collecting the whole board. */
    private static final int MEMBERS_PER_READ = 10_000;

    private final ReportSnapshots snapshots;
    private final KpiService kpis;

    public LeaderboardService(ReportSnapshots snapshots, KpiService kpis) {
        this.snapshots = snapshots;
        this.kpis = kpis;
    }

    /** A page of the tenant's board: {@code request} makes the query from the tenant's state, in the same snapshot. */
    public LeaderboardPage page(String tenant, Function<TenantReporting, LeaderboardQuery> request) {
        return snapshots.read(tenant, snapshot -> page(snapshot, request.apply(snapshot.tenant())));
    }

    private LeaderboardPage page(ReportSnapshot snapshot, LeaderboardQuery query) {
        Ranked ranked = rank(board(snapshot, query), query.after(), query.limit());
        String next = ranked.nextKey() == null ? null : Cursors.encode(query.fingerprint(), ranked.nextKey());
        return new LeaderboardPage(query, ranked.rows(), next);
    }

    /** A page of a ranked board, and the cursor key of its last row when more follow (else null). */
    record Ranked(List<LeaderboardRow> rows, List<String> nextKey) {
    }

    /**
     * Ranks a board sorted in {@link #ORDER} (standard competition ranks over the eligible entries) and cuts the page
     * of {@code limit} rows after the entry {@code after} names (null: the first page).
     */
    static Ranked rank(List<Entry> board, List<String> after, int limit) {
        List<LeaderboardRow> rows = new ArrayList<>();
        Entry cursor = after == null ? null : Entry.of(after);
        int rank = 0;
        Entry previous = null;
        Entry last = null;
        boolean more = false;
        for (int i = 0; i < board.size(); i++) {
            Entry entry = board.get(i);
            if (entry.eligible() && (previous == null || previous.sortValue() != entry.sortValue())) {
                rank = i + 1;
            }
            previous = entry;
            if (cursor != null && ORDER.compare(entry, cursor) <= 0) {
                continue;
            }
            if (rows.size() == limit) {
                more = true;
                break;
            }
            rows.add(new LeaderboardRow(entry.eligible() ? rank : null, entry.id(), entry.value(), entry.volume(),
                    entry.eligible()));
            last = entry;
        }
        return new Ranked(rows, more ? last.key() : null);
    }

    private List<Entry> board(ReportSnapshot snapshot, LeaderboardQuery q) {
        RankedMetric ranked = q.ranked();
        KpiQuery kpi = new KpiQuery(q.tenant(), q.generation(), q.dimension(), List.of(), q.team(), q.channel(), q.from(),
                q.to(), Granularity.TOTAL, q.zone(), q.daily(), List.of(ranked.metric(), ranked.volume()),
                MEMBERS_PER_READ, null);
        List<Entry> board = new ArrayList<>();
        while (true) {
            KpiReport report = kpis.report(snapshot, kpi);
            for (KpiRow row : report.rows()) {
                if (row.id() != null) {
                    Object value = row.values().get(0);
                    Object volume = row.values().get(1);
                    boolean eligible = value != null && ((Number) volume).doubleValue() >= q.minVolume();
                    board.add(new Entry(eligible, eligible ? sortValue(ranked, value) : 0, row.id(), value, volume));
                }
            }
            if (report.nextCursor() == null) {
                break;
            }
            kpi = kpi.after(PageKey.ofCursor(report.nextCursor(), kpi.fingerprint()));
        }
        board.sort(ORDER);
        return board;
    }

    /** Best first: the value negated when higher is better, so that one ascending order serves both. */
    private static double sortValue(RankedMetric ranked, Object value) {
        double v = ((Number) value).doubleValue();
        return ranked.lowerIsBetter() ? v : -v;
    }

    /** Eligible entries first, by sort value (best first), then by id. */
    static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.eligible())
            .thenComparingDouble(Entry::sortValue).thenComparing(Entry::id);

    /** A member on the board, with its place in the order: eligible ones first, by sort value, then id. */
    record Entry(boolean eligible, double sortValue, String id, Object value, Object volume) {

        List<String> key() {
            return List.of(eligible ? "1" : "0", Double.toString(sortValue), id);
        }

        static Entry of(List<String> key) {
            return new Entry(key.get(0).equals("1"), Double.parseDouble(key.get(1)), key.get(2), null, null);
        }
    }
}
