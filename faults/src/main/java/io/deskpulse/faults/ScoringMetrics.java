package io.deskpulse.faults;

/** Counters of a scoring instance, read from its Prometheus text at /q/metrics (0 where it does not answer). */
final class ScoringMetrics {

    private ScoringMetrics() {
    }

    /** Events the instance applied since it started. */
    static double applied(ServiceProcess scoring) {
        return sum(scoring.get("/q/metrics"), "deskpulse_scoring_events_applied_total", "");
    }

    /** Batches that failed and were retried (database or broker unreachable, a lock timeout). */
    static double transientFailures(ServiceProcess scoring) {
        return sum(scoring.get("/q/metrics"), "deskpulse_scoring_batch_failures_total", "kind=\"transient\"");
    }

    /** Adds up the samples of a metric (every label set containing {@code label}). */
    static double sum(String prometheusText, String metric, String label) {
        double sum = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith(metric) && (line.length() > metric.length())
                    && (line.charAt(metric.length()) == '{' || line.charAt(metric.length()) == ' ')
                    && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
