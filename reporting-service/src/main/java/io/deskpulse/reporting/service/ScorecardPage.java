package io.deskpulse.reporting.service;

import java.util.List;

/** One page of scorecards; {@code nextCursor} is null on the last page. */
public record ScorecardPage(KpiQuery query, List<ScorecardRow> rows, String nextCursor) {
}
