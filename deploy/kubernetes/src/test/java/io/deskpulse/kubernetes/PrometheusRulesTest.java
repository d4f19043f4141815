package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules (monitoring/prometheus-rules.yaml) name only series the services register, say how bad and what to
 * do, and their messages use only labels their expression keeps. The CRD's own checks are OverlaysTest's.
 */
class PrometheusRulesTest {

    private static final Pattern LABEL_IN_TEMPLATE = Pattern.compile("\\$labels\\.([a-z_]+)");
    private static final Pattern KEPT_LABELS = Pattern.compile("\\bby \\(([a-z_, ]+)\\)");

    private static List<Map<String, Object>> rules() {
        Map<String, Object> rule = Manifests.render("monitoring").get("PrometheusRule", "deskpulse");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : Maps.list(rule, "spec", "groups")) {
            Maps.list(group, "rules").forEach(r -> rules.add(Maps.cast(r)));
        }
        return rules;
    }

    @Test
    void everyAlertWatchesRegisteredSeriesAndSaysHowBadAndWhatToDo() throws IOException {
        Set<String> known = new LinkedHashSet<>();
        DashboardTest.registeredSeries().values().forEach(known::addAll);
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> rule : rules()) {
            String alert = Maps.string(rule, "alert");
            String expr = Maps.string(rule, "expr");
            alerts.add(alert);
            Matcher series = DashboardTest.SERIES.matcher(expr);
            List<String> used = new ArrayList<>();
            while (series.find()) {
                used.add(series.group(1));
            }
            assertThat(used).as(alert).isNotEmpty().allSatisfy(s -> assertThat(known).as("series %s", s).contains(s));
            assertThat(Maps.string(rule, "labels", "severity")).as(alert).isIn("warning", "critical");
            assertThat(Maps.string(rule, "annotations", "summary")).as(alert).isNotBlank();
            assertThat(Maps.string(rule, "annotations", "description")).as(alert).contains("docs/");
            Matcher kept = KEPT_LABELS.matcher(expr);
            Set<String> labels = new LinkedHashSet<>();
            while (kept.find()) {
                for (String label : kept.group(1).split(",")) {
                    labels.add(label.trim());
                }
            }
            Matcher templated = LABEL_IN_TEMPLATE.matcher(Maps.string(rule, "annotations", "summary") + " "
                    + Maps.string(rule, "annotations", "description"));
            while (templated.find()) {
                assertThat(labels).as("%s: label %s of its messages", alert, templated.group(1)).contains(templated.group(1));
            }
        }
        assertThat(alerts).contains("DeskPulseAggregatesDiffer", "DeskPulseReconciliationFailed");
    }

    @Test
    void storedAggregatesThatDifferFromTheirTimelinesAlertPerTenant() {
        Map<String, Object> differ = rules().stream().filter(r -> "DeskPulseAggregatesDiffer".equals(r.get("alert")))
                .findFirst().orElseThrow();
        assertThat(Maps.string(differ, "expr")).contains("deskpulse_reconciliation_differences", "tenant", "> 0");
    }
}
