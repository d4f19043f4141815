package io.deskpulse.faults;

import java.util.Locale;

/**
 * How hard each phase pushes. {@code full} is deploy/local/faults.sh's run, whose figures go into docs/faults.md;
 * {@code ci} is the short variant e2e-tests runs in CI (every fault, a small load, a few minutes in all).
 */
record Profile(
        String name,
        /** Whole UTC days (before today) the events' times span. */
        int days,
        /** Distinct events per phase (each tenant gets the same ones), about. */
        long events,
        int batchSize,
        /** The steady load, events per second, and the concurrent connections that carry it. */
        int rate,
        int clients,
        /** Share of the batches sent before the fault is injected. */
        double injectAt,
        /** How long what a fault killed stays down before the suite starts it again (0: at once, as Kubernetes). */
        int downSeconds,
        /** How long the network partition lasts; longer than the lock timeout. */
        int partitionSeconds,
        /** scoring's deskpulse.scoring.lock-timeout for the whole run (a PostgreSQL duration). */
        String lockTimeout,
        /**
         * scoring's deskpulse.scoring.idle-transaction-timeout: longer than the partition (whose connections carry on),
         * shorter than its 60 s default so that partition-cut's orphaned sessions end within the phase.
         */
        String idleTransactionTimeout,
        /** How long to wait, after the last batch is accepted, for every event to show in the reports. */
        int settleSeconds,
        /** How often the reports are sampled for freshness. */
        int sampleMillis,
        /** The client's longest backoff between two attempts, and its per-request timeout. */
        long maxBackoffMs,
        int requestTimeoutSeconds,
        /** After this long a batch still refused fails the run. */
        int giveUpSeconds) {

    static Profile named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "full" -> new Profile("full", 7, 30_000, 50, 500, 8, 0.3, 5, 8, "2s", "10s", 600, 250, 5_000, 15, 900);
            case "ci" -> new Profile("ci", 2, 1_800, 25, 120, 4, 0.2, 0, 5, "2s", "10s", 180, 200, 1_000, 15, 300);
            default -> throw new IllegalArgumentException("unknown profile '" + name + "': full or ci");
        };
    }

    /** This profile with one of the overrides of {@link Options#USAGE} applied. */
    Profile with(String option, String value) {
        long events = this.events;
        int rate = this.rate;
        int downSeconds = this.downSeconds;
        int partitionSeconds = this.partitionSeconds;
        String idleTransactionTimeout = this.idleTransactionTimeout;
        switch (option) {
            case "--events" -> events = Long.parseLong(value);
            case "--rate" -> rate = Integer.parseInt(value);
            case "--down-seconds" -> downSeconds = Integer.parseInt(value);
            case "--partition-seconds" -> partitionSeconds = Integer.parseInt(value);
            case "--idle-transaction-timeout" -> idleTransactionTimeout = value;
            default -> throw new IllegalArgumentException("not an override of the profile: " + option);
        }
        return new Profile(name, days, events, batchSize, rate, clients, injectAt, downSeconds, partitionSeconds,
                lockTimeout, idleTransactionTimeout, settleSeconds, sampleMillis, maxBackoffMs, requestTimeoutSeconds,
                giveUpSeconds);
    }
}
