package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.alert.AlertRow;
import io.deskpulse.reporting.service.AlertService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A page of alerts as a {@link Table}: the rule as it was when raised, what raised it, what resolved it. */
final class AlertTables {

    static final List<String> COLUMNS = List.of("id", "state", "rule_id", "rule_version", "rule_name", "metric",
            "dimension", "member", "channel", "window_minutes", "comparison", "threshold", "min_volume", "raised_at",
            "raised_value", "raised_volume", "window_start", "window_end", "resolved_at", "resolved_value",
            "resolved_volume", "resolved_reason");

    private AlertTables() {
    }

    static Table of(AlertService.Page page) {
        List<List<Object>> rows = new ArrayList<>(page.rows().size());
        for (AlertRow a : page.rows()) {
            rows.add(Arrays.asList(a.id(), a.state(), a.ruleId(), a.ruleVersion(), a.ruleName(), a.metric(),
                    a.dimension(), a.member(), a.channel(), a.windowMinutes(), a.comparison(), a.threshold(),
                    a.minVolume(), a.raisedAt(), a.raisedValue(), a.raisedVolume(), a.windowStart(), a.windowEnd(),
                    a.resolvedAt(), a.resolvedValue(), a.resolvedVolume(), a.resolvedReason()));
        }
        return new Table(Map.of(), COLUMNS, rows, page.nextCursor());
    }
}
