package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.leaderboard.StreakBoardPage;
import io.deskpulse.reporting.domain.leaderboard.StreakBoardQuery;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.report.Streaks.Streak;
import io.deskpulse.reporting.domain.report.UnknownReportException;
import io.deskpulse.reporting.repository.PeriodReportReadRepository;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ReportSnapshots;
import io.deskpulse.reporting.service.LeaderboardService.Entry;
import io.deskpulse.reporting.service.LeaderboardService.Ranked;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streak leaderboards (docs/reporting-api.md#streak-leaderboards): the teams or agents of one kept report ranked by
 * their current or best streak at it, longest first, ties by id with shared ranks (1, 2, 2, 4), as the other
 * leaderboards rank. Every member of the report is ranked (a streak of 0 too); the volume is its score in that report.
 */
@ApplicationScoped
public class StreakLeaderboardService {

    private final ReportSnapshots snapshots;
    private final PeriodReportReadRepository repository;
    private final ReportStreaks streaks;

    public StreakLeaderboardService(ReportSnapshots snapshots, PeriodReportReadRepository repository,
            ReportStreaks streaks) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.streaks = streaks;
    }

    public StreakBoardPage page(StreakBoardQuery query) {
        return snapshots.read(query.tenant(), snapshot -> page(snapshot, query));
    }

    private StreakBoardPage page(ReportSnapshot snapshot, StreakBoardQuery q) {
        PeriodReport report = (q.afterReport() != null ? repository.find(snapshot, q.tenant(), q.afterReport())
                : repository.kept(snapshot, q.tenant(), q.granularity(), q.period()))
                .orElseThrow(() -> UnknownReportException.of(q.period() == null ? "of granularity " + q.granularity()
                        + " yet" : "for the " + q.granularity() + " starting " + q.period()));
        Map<String, Double> scores = streaks.scores(snapshot, q.tenant(), report, q.dimension());
        Map<String, Streak> at = streaks.at(snapshot, q.tenant(), report, q.dimension());
        List<Entry> board = new ArrayList<>();
        scores.forEach((member, score) -> {
            Streak streak = at.getOrDefault(member, Streak.NONE);
            int value = q.best() ? streak.best() : streak.current();
            // longest first: the value negated, so that the one ascending order of the leaderboards serves
            board.add(new Entry(true, -value, member, value, score));
        });
        board.sort(LeaderboardService.ORDER);
        Ranked ranked = LeaderboardService.rank(board, q.after(), q.limit());
        String next = null;
        if (ranked.nextKey() != null) {
            List<String> key = new ArrayList<>(ranked.nextKey());
            key.add(Long.toString(report.id()));
            next = Cursors.encode(q.fingerprint(), key);
        }
        return new StreakBoardPage(q, report, ranked.rows(), next);
    }
}
