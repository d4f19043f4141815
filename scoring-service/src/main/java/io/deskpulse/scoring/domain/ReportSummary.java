package io.deskpulse.scoring.domain;

import java.util.Locale;

/**
 * The few numbers a report webhook carries beside its links (docs/report-webhooks.md#payload), summed over every team
 * and channel of the kept report, and the one line a chat tool or a mail subject shows. Averages are null when nothing
 * was measured: "no first response" is not "a first response of 0 s".
 */
public record ReportSummary(int teams, long ticketsCreated, long ticketsResolved, long firstResponseCount,
        long firstResponseSumMs, long csatCount, long csatSum) {

    public Double firstResponseAvgS() {
        return firstResponseCount == 0 ? null : round(firstResponseSumMs / 1000.0 / firstResponseCount);
    }

    public Double csatAvg() {
        return csatCount == 0 ? null : round((double) csatSum / csatCount);
    }

    /** E.g. "DeskPulse week report 2026-11-02..2026-11-08 (acme): 143 tickets created, 120 resolved, ...". */
    public String text(String tenant, ReportPeriod period, String link) {
        StringBuilder text = new StringBuilder("DeskPulse ").append(period.length().label()).append(" report ")
                .append(period.start());
        if (!period.end().equals(period.start())) {
            text.append("..").append(period.end());
        }
        text.append(" (").append(tenant).append("): ").append(ticketsCreated).append(" tickets created, ")
                .append(ticketsResolved).append(" resolved");
        Double firstResponse = firstResponseAvgS();
        if (firstResponse != null) {
            text.append(", first response ").append(duration(firstResponse)).append(" on average");
        }
        Double csat = csatAvg();
        if (csat != null) {
            text.append(", CSAT ").append(String.format(Locale.ROOT, "%.2f", csat)).append(" (").append(csatCount)
                    .append(csatCount == 1 ? " rating)" : " ratings)");
        }
        return text.append(". ").append(link).toString();
    }

    /** Seconds as a person reads them: 95 s, 12 min, 3.4 h. */
    static String duration(double seconds) {
        if (seconds < 120) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 7200) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
