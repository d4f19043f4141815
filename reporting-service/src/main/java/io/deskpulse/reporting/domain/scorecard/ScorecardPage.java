package io.deskpulse.reporting.domain.scorecard;

import io.deskpulse.reporting.domain.kpi.KpiQuery;
import java.util.List;

/** One page of scorecards; {@code nextCursor} is null on the last page. */
public record ScorecardPage(KpiQuery query, List<ScorecardRow> rows, String nextCursor) {
}
