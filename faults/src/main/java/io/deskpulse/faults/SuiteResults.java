package io.deskpulse.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything a run measured and decided; written as JSON and as the results section of docs/faults.md. */
public final class SuiteResults {

    public String profile;
    public long seed;
    public String startedAt;
    public String finishedAt;
    public Double durationS;
    public String machine;
    public String stack;
    public final Settings settings = new Settings();
    public Phase control;
    public final List<Phase> faults = new ArrayList<>();
    /** Why the run failed; empty when every check of every phase passed. */
    public final List<String> failures = new ArrayList<>();

    public boolean passed() {
        return failures.isEmpty();
    }

    /** The load and the knobs of the run. */
    public static final class Settings {
        public int days;
        public long distinctEvents;
        public long deliveries;
        public long tiesLeftOut;
        public int batches;
        public int batchSize;
        public int rate;
        public int clients;
        public double injectAt;
        public int downS;
        public int partitionS;
        public String lockTimeout;
        /**
         * How far behind the stream may be and still count as recovered: the control phase's worst delay (reports
         * behind, or a batch answered after it was due), at least 1 s.
         */
        public Double freshnessBoundS;
    }

    /** One phase: the control tenant's quiet run, or one fault's. */
    public static final class Phase {
        public String name;
        public String tenant;
        public String summary;
        public String injection;
        /** Seconds from the first batch to the injection; the injection to the suite's restart or heal. */
        public Double injectedAtS;
        public Double restoredAfterS;
        /** Injection → reports complete again (see {@link Recovery}); null: not within the phase. */
        public Double recoverS;
        public Double maxStalenessS;
        public int unavailableSamples;
        /** The first and last refused attempt after the injection, in seconds from it. */
        public Double refusedFromS;
        public Double refusedUntilS;
        public long requests;
        public long refusedRequests;
        /** Refused attempts by status code or connection error. */
        public Map<String, Long> refusals;
        public long distinctEvents;
        public long accepted;
        /** Accepted events scoring recorded as applied (its dedup table), at the end. */
        public long applied;
        public Double loadS;
        /** From the last 202 until every accepted event was applied and showed in the reports. */
        public Double settledS;
        public long lost;
        public long doubled;
        public long totalsOffThousandths;
        public final List<MetricCheck> counts = new ArrayList<>();
        /**
         * Every report against the control tenant's, and the copy an incremental export kept all through the phase
         * against the final listing.
         */
        public final List<Diff> differential = new ArrayList<>();
        public long exportPages;
        public Long deadLetters;
        public Check reconciliation;
        public final List<String> failures = new ArrayList<>();
    }

    public static final class MetricCheck {
        public String metric;
        public long expected;
        public long actual;
        public long lost;
        public long doubled;
    }

    public static final class Diff {
        public String table;
        public int rows;
        public long cells;
        public long mismatches;
        public List<String> examples;
    }

    /** scoring's reconciliation: passed when skipped (no endpoint) or done with no difference. */
    public static final class Check {
        public boolean passed;
        public String status;
        public Long differenceCount;
        public List<String> differences;
        public String note;
    }
}
