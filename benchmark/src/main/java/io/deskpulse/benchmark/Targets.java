package io.deskpulse.benchmark;

import java.util.List;
import java.util.Locale;

/** The targets for a 2-core machine with the whole stack on it, each marked met, missed or not measured. */
final class Targets {

    static final double INGESTION_RATIO = 0.40;
    static final double SCORING_RATE = 20_000;
    static final double FRESHNESS_P95_MS = 2_000;
    static final int FRESHNESS_RATE = 5_000;
    static final double QUERY_P99_MS = 100;
    static final double QUERY_SPEEDUP = 20;
    static final long QUERY_EVENTS = 10_000_000;
    static final double SERVICE_RSS_MB = 350;

    static final String MET = "met";
    static final String MISSED = "missed";
    static final String NOT_MEASURED = "not measured";

    private Targets() {
    }

    static void evaluate(Results r) {
        List<Results.Target> targets = r.targets;
        targets.clear();

        Results.Ingestion ingestion = r.ingestion;
        if (ingestion != null && ingestion.ratioBatchesToRaw != null) {
            add(targets, "ingestion / raw producer (batches)", ">= 40 %",
                    pct(ingestion.ratioBatchesToRaw) + " of " + ingestion.ratioComparedAgainst,
                    ingestion.ratioBatchesToRaw >= INGESTION_RATIO);
        } else {
            notMeasured(targets, "ingestion / raw producer (batches)", ">= 40 %",
                    ingestion != null && ingestion.rawProducer != null && ingestion.rawProducer.skipped != null
                            ? "raw producer skipped: " + ingestion.rawProducer.skipped : "phase not run");
        }

        if (r.scoring != null && r.scoring.eventsPerS != null) {
            add(targets, "scoring, sustained", ">= 20,000 events/s", fmt("%,.0f events/s applied", r.scoring.eventsPerS),
                    r.scoring.eventsPerS >= SCORING_RATE);
        } else {
            notMeasured(targets, "scoring, sustained", ">= 20,000 events/s", "no backlog window measured");
        }

        Results.Freshness f = r.freshness;
        if (f != null && f.p95Ms != null) {
            boolean atRate = f.targetRate >= FRESHNESS_RATE && f.achievedRate >= 0.95 * FRESHNESS_RATE;
            String measured = fmt("p95 %,.0f ms at %,.0f events/s achieved", f.p95Ms, f.achievedRate)
                    + (f.probesUnseen != null && f.probesUnseen > 0 ? ", " + f.probesUnseen + " probes never seen" : "");
            if (f.targetRate < FRESHNESS_RATE) {
                notMeasured(targets, "freshness p95 at 5,000 events/s", "< 2 s", measured + " (offered only "
                        + f.targetRate + "/s)");
            } else {
                add(targets, "freshness p95 at 5,000 events/s", "< 2 s", measured + (atRate ? "" : " (load not sustained)"),
                        atRate && f.p95Ms < FRESHNESS_P95_MS && (f.probesUnseen == null || f.probesUnseen == 0));
            }
        } else {
            notMeasured(targets, "freshness p95 at 5,000 events/s", "< 2 s", "phase not run");
        }

        Results.Query teamByDay = null;
        if (r.reporting != null) {
            for (Results.Query q : r.reporting.queries) {
                if (q.name.equals("team_by_day_90d")) {
                    teamByDay = q;
                }
            }
        }
        Long stored = r.reporting == null ? null : r.reporting.storedEvents;
        boolean atScale = stored != null && stored >= QUERY_EVENTS;
        String over = stored == null ? "" : fmt(" over %,d stored events", stored);
        if (teamByDay != null && teamByDay.api == null) {
            add(targets, "90-day team-by-day over 10M events, p99", "< 100 ms", "the query failed: " + teamByDay.failure
                    + over, false);
            notMeasured(targets, "90-day team-by-day vs plain GROUP BY", ">= 20x faster", "the query failed");
        } else if (teamByDay != null) {
            String measured = fmt("p99 %.1f ms", teamByDay.api.p99Ms) + over
                    + (teamByDay.api.errors == null ? "" : fmt(", %d requests failed", teamByDay.api.errors));
            if (atScale) {
                add(targets, "90-day team-by-day over 10M events, p99", "< 100 ms", measured,
                        teamByDay.api.p99Ms < QUERY_P99_MS && teamByDay.api.errors == null);
            } else {
                notMeasured(targets, "90-day team-by-day over 10M events, p99", "< 100 ms", measured + " (needs 10M: full profile)");
            }
            String speed;
            boolean valid = teamByDay.speedupP50 != null && teamByDay.answers != null && teamByDay.answers.match;
            if (teamByDay.speedupP50 == null) {
                speed = "no baseline";
            } else {
                speed = fmt("x%.1f (GROUP BY p50 %.1f ms / API p50 %.1f ms)", teamByDay.speedupP50, teamByDay.baseline.p50Ms,
                        teamByDay.api.p50Ms) + over;
            }
            if (!valid) {
                notMeasured(targets, "90-day team-by-day vs plain GROUP BY", ">= 20x faster", speed
                        + "; baseline invalid: the GROUP BY's answer differs from the API's"
                        + (r.reporting.ticketFactsRows != null && r.reporting.ticketFactsRows == 0 ? " (ticket_facts empty)" : ""));
            } else if (!atScale) {
                notMeasured(targets, "90-day team-by-day vs plain GROUP BY", ">= 20x faster", speed + " (needs 10M: full profile)");
            } else {
                add(targets, "90-day team-by-day vs plain GROUP BY", ">= 20x faster", speed, teamByDay.speedupP50 >= QUERY_SPEEDUP);
            }
        } else {
            notMeasured(targets, "90-day team-by-day over 10M events, p99", "< 100 ms", "phase not run");
            notMeasured(targets, "90-day team-by-day vs plain GROUP BY", ">= 20x faster", "phase not run");
        }

        if (r.memory != null) {
            for (Results.Proc service : r.memory.services) {
                if (service.peakRssMb == null) {
                    notMeasured(targets, service.name + " peak RSS", "< 350 MB", service.note);
                } else {
                    add(targets, service.name + " peak RSS", "< 350 MB", fmt("%.0f MB", service.peakRssMb),
                            service.peakRssMb < SERVICE_RSS_MB);
                }
            }
        }
    }

    private static void add(List<Results.Target> targets, String name, String target, String measured, boolean met) {
        Results.Target t = new Results.Target();
        t.name = name;
        t.target = target;
        t.measured = measured;
        t.status = met ? MET : MISSED;
        targets.add(t);
    }

    private static void notMeasured(List<Results.Target> targets, String name, String target, String why) {
        Results.Target t = new Results.Target();
        t.name = name;
        t.target = target;
        t.measured = why;
        t.status = NOT_MEASURED;
        targets.add(t);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
