package io.deskpulse.reporting.domain.kpi;

import java.util.List;

/** One page of a KPI report; {@code nextCursor} is null on the last page. */
public record KpiReport(KpiQuery query, List<KpiRow> rows, String nextCursor) {
}
