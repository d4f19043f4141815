package io.deskpulse.reporting.domain.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * One report row. {@code id} is null for what was credited to no team or agent (stored as '');
 * {@code values} follow the query's metrics.
 */
public record KpiRow(LocalDate period, String id, List<Object> values) {
}
