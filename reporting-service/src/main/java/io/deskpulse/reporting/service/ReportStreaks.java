package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.report.Streaks;
import io.deskpulse.reporting.domain.report.Streaks.KeptPeriod;
import io.deskpulse.reporting.domain.report.Streaks.Streak;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.Scorecard;
import io.deskpulse.reporting.domain.scorecard.ScoringModels;
import io.deskpulse.reporting.repository.PeriodReportReadRepository;
import io.deskpulse.reporting.repository.PeriodReportReadRepository.Part;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streaks of a kept report's teams or agents (docs/scorecards.md#streaks), counted by {@link Streaks} over the
 * tenant's reports of the same length up to this one, each member scored as that report's own page scores it (its
 * models version, exemptions and threshold).
 *
 * <p>A kept report never changes, so neither do its members' scores: they are remembered per report (bounded, least
 * recently used out first), and a report's streaks cost one query for the history's headers plus one for each report
 * not scored yet — the first read after a start scores the history once, later reads only what is new.
 */
@ApplicationScoped
public class ReportStreaks {

    /** Member scores remembered in all: about 100 bytes each. */
    static final int MAX_REMEMBERED_SCORES = 500_000;

    private final PeriodReportReadRepository repository;
    private final ScorecardRepository scorecards;
    private final Remembered remembered = new Remembered();

    public ReportStreaks(PeriodReportReadRepository repository, ScorecardRepository scorecards) {
        this.repository = repository;
        this.scorecards = scorecards;
    }

    /** Every member's streaks at {@code report}: the members of it and of the earlier reports counted. */
    public Map<String, Streak> at(ReportSnapshot snapshot, String tenant, PeriodReport report, Dimension dimension) {
        Map<Integer, ScoringModels> models = new HashMap<>();
        List<KeptPeriod> history = new ArrayList<>();
        for (PeriodReport kept : repository.history(snapshot, report, tenant)) {
            history.add(new KeptPeriod(kept.periodStart(), kept.streakMinScore(),
                    scores(snapshot, tenant, kept, dimension, models)));
        }
        Streaks.Length length = Streaks.Length.of(report.granularity()).orElseThrow(() ->
                new IllegalStateException("period report " + report.id() + " has granularity " + report.granularity()));
        return Streaks.at(length, history);
    }

    /** The score of each member of the report: every team (but the no-team row) or agent with a row in it. */
    public Map<String, Double> scores(ReportSnapshot snapshot, String tenant, PeriodReport report, Dimension dimension) {
        return scores(snapshot, tenant, report, dimension, new HashMap<>());
    }

    /** The score of each member of the report (null: a row, but no KPI with data), remembered. */
    private Map<String, Double> scores(ReportSnapshot snapshot, String tenant, PeriodReport report, Dimension dimension,
            Map<Integer, ScoringModels> models) {
        Key key = new Key(tenant, report.id(), dimension);
        Map<String, Double> scores = remembered.get(key);
        if (scores != null) {
            return scores;
        }
        ScoringModels version = models.computeIfAbsent(report.modelVersion(), v -> scorecards.models(snapshot, tenant, v)
                .orElseThrow(() -> new IllegalStateException("period report " + report.id() + " names scoring models "
                        + "version " + v + ", which the tenant does not have")));
        Map<Long, Exemption> exemptions = KeptScorecards.byId(report.exemptions());
        Map<String, List<Part>> byMember = new LinkedHashMap<>();
        for (Part part : repository.parts(snapshot, report.id(), dimension, null)) {
            if (!part.team().isEmpty()) {
                byMember.computeIfAbsent(part.team(), m -> new ArrayList<>()).add(part);
            }
        }
        Map<String, Double> computed = new HashMap<>();
        byMember.forEach((member, parts) -> {
            Scorecard card = KeptScorecards.score(version, dimension, member, KeptScorecards.parts(parts, exemptions));
            computed.put(member, card.score());
        });
        Map<String, Double> result = Collections.unmodifiableMap(computed);
        remembered.put(key, result);
        return result;
    }

    private record Key(String tenant, long report, Dimension dimension) {
    }

    /** Scores by report, least recently used out first once more than MAX_REMEMBERED_SCORES member scores are held. */
    private static final class Remembered {
        private final LinkedHashMap<Key, Map<String, Double>> entries = new LinkedHashMap<>(16, 0.75f, true);
        private long held;

        synchronized Map<String, Double> get(Key key) {
            return entries.get(key);
        }

        synchronized void put(Key key, Map<String, Double> scores) {
            Map<String, Double> before = entries.put(key, scores);
            held += scores.size() - (before == null ? 0 : before.size());
            Iterator<Map.Entry<Key, Map<String, Double>>> oldest = entries.entrySet().iterator();
            while (held > MAX_REMEMBERED_SCORES && oldest.hasNext()) {
                Map.Entry<Key, Map<String, Double>> e = oldest.next();
                if (e.getKey().equals(key)) {
                    continue;
                }
                held -= e.getValue().size();
                oldest.remove();
            }
        }
    }
}
