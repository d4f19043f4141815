package io.deskpulse.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a run, as written to docs/benchmark-results.json (snake_case, nulls left out). Each figure
 * says how it was measured next to its value. Times are milliseconds, rates per second, memory MiB.
 */
public final class Results {

    public int formatVersion = 1;
    public String profile;
    public String startedAt;
    public String finishedAt;
    public Double durationS;
    public long seed;
    public String runId;
    public String tenant;
    public String tenantB;
    public Machine machine = new Machine();
    public Ingestion ingestion;
    public Scoring scoring;
    /** The whole pipeline: posted and applied with ingestion and scoring running together. */
    public Pipeline pipeline;
    public Freshness freshness;
    public Reporting reporting;
    public Memory memory;
    public Scale scale;
    public List<Target> targets = new ArrayList<>();
    /** CPU used per process during each phase, in cores (CPU seconds / wall seconds; 2.0 = both cores busy). */
    public Map<String, Cpu> cpu = new LinkedHashMap<>();
    public List<String> warnings = new ArrayList<>();

    public static final class Machine {
        public Integer cores;
        public String cpuModel;
        public Long memoryMb;
        public String os;
        public String jdk;
        public String postgresql;
        public String kafka;
        public String stack;
        public String date;
    }

    public static final class Ingestion {
        public RawProducer rawProducer;
        public Batches batches;
        public Singles singles;
        public Webhooks webhooks;
        /** One event per request to POST /v1/events at each number of clients of the sweep. */
        public List<SweepLevel> singleSweep;
        /** Chatwoot message_created deliveries to POST /v1/hooks/{connector_id} at the same levels. */
        public List<SweepLevel> webhookSweep;
        public Ndjson ndjson;
        /** HTTP batches events/s over raw records/s with ingestion's producer settings. */
        public Double ratioBatchesToRaw;
        public String ratioComparedAgainst;
        public Double ratioBatchesToRawDefaults;
        public Double ratioBatchesToRawLinger10;
        public String method;
    }

    public static final class RawProducer {
        public String tool = "org.apache.kafka.tools.ProducerPerformance (Kafka 4.3.1), separate JVM";
        public String topic;
        public Integer partitions;
        public Long recordsPerRun;
        public Integer distinctPayloads;
        public Double avgRecordBytes;
        public List<RawRun> runs = new ArrayList<>();
        public String skipped;
    }

    public static final class RawRun {
        public String label;
        public String settings;
        public Double recordsPerS;
        public Double mbPerS;
        public Double avgLatencyMs;
        public Double p99LatencyMs;
    }

    public static final class Batches {
        public int batchSize;
        public String contentType = "application/cloudevents-batch+json";
        public List<Level> sweep = new ArrayList<>();
        public Integer clients;
        public String clientsChosen;
        public Long eventsPosted;
        public Long eventsAccepted;
        public Long duplicates;
        public Double seconds;
        public Double eventsPerS;
        public Double requestsPerS;
        public Double latencyP50Ms;
        public Double latencyP99Ms;
        /** Whether scoring was held still (SIGSTOP) while the batches (and each sweep level) were timed. */
        public Boolean scoringPaused;
    }

    public static final class Level {
        public int clients;
        public long events;
        public double seconds;
        public double eventsPerS;
    }

    public static final class Singles {
        public String contentType = "application/cloudevents+json";
        public Integer clients;
        public Long events;
        public Double seconds;
        public Double eventsPerS;
        public Double latencyP50Ms;
        public Double latencyP99Ms;
    }

    /** Chatwoot message_created deliveries to POST /v1/hooks/{connector_id}, one per request, as singles are. */
    public static final class Webhooks {
        public String delivery = "chatwoot message_created (signed)";
        public Integer clients;
        public Long deliveries;
        public Long eventsAccepted;
        public Double seconds;
        public Double deliveriesPerS;
        public Double latencyP50Ms;
        public Double latencyP99Ms;
        /** Deliveries/s over single events/s of the same run (same clients, same seconds). */
        public Double ratioToSingles;
    }

    /** One level of the single-event sweep: one event (or delivery) per request, closed-loop clients. */
    public static final class SweepLevel {
        public Integer clients;
        public Long requests;
        public Long eventsAccepted;
        public Double seconds;
        /** Requests answered 202 per second: events/s for POST /v1/events, deliveries/s for hooks (one event each). */
        public Double eventsPerS;
        public Double latencyP50Ms;
        public Double latencyP99Ms;
        /** Requests resent after a 429 (the tenant's rate limit) or a 503; the rate is then the limit's, not the service's. */
        public Long resent;
        /** True when the prepared bodies ran out before the level's seconds (the rate still holds). */
        public Boolean ranOut;
    }

    public static final class Ndjson {
        public String contentType = "application/x-ndjson";
        public Long events;
        public Long bytes;
        public Double seconds;
        public Double eventsPerS;
    }

    public static final class Scoring {
        public String method;
        public Long backlogEvents;
        /** Records written but not yet applied when the load ended (end offsets minus scoring's committed offsets). */
        public Long backlogAtLoadEnd;
        public Double windowS;
        /** scoring's own lag gauge at the window's ends (the consumer's view: fetched records count as read). */
        public Long lagAtStart;
        public Long lagAtEnd;
        public Long eventsApplied;
        public Double eventsPerS;
        /** Applied plus recognised duplicates: every record scoring consumed. */
        public Double recordsPerS;
        public Double batchApplyMeanMs;
        public String note;
    }

    public static final class Pipeline {
        public String method;
        public Integer clients;
        public Long events;
        /** From the first request to the last event applied. */
        public Double seconds;
        public Double eventsPerS;
        /** From the first request to the last 202, scoring running. */
        public Double ingestSeconds;
        public Double ingestEventsPerS;
        /** ingestEventsPerS over the raw producer with ingestion's settings, in the same run. */
        public Double ratioIngestToRaw;
        public Long backlogAtLoadEnd;
    }

    public static final class Freshness {
        public String method;
        public Integer targetRate;
        public Double achievedRate;
        public Double seconds;
        public Integer probes;
        public Integer probesUnseen;
        public Double p50Ms;
        public Double p95Ms;
        public Double p99Ms;
        public Double maxMs;
        public Long maxLag;
    }

    public static final class Reporting {
        public String method;
        public Long storedEvents;
        public Long ticketFactsRows;
        public int clients;
        public int iterations;
        public int baselineIterations;
        public String baselinePercentile;
        /** The DuckDB baseline's copy of the tenant's ticket facts: rows, and how long the one load took. */
        public Long duckdbRows;
        public Double duckdbLoadSeconds;
        public List<Query> queries = new ArrayList<>();
    }

    public static final class Query {
        public String name;
        public String description;
        public String request;
        public Latency api;
        public Latency baseline;
        public Integer rows;
        public Integer pages;
        /** Baseline p50 over API p50: how many times faster the API is. */
        public Double speedupP50;
        public Double speedupP99;
        public Comparison answers;
        /** The same SQL in DuckDB over the same facts, timed as the API is (same clients, iterations, warm-up). */
        public Latency duckdb;
        /**
         * The API asked for the SQL's five columns only ({@code metrics=}, {@link BiQueries#API_METRICS}), timed as
         * {@link #api}: the same question as DuckDB's, which the ratios compare with. {@link #api} serves every metric.
         */
        public Latency apiPeer;
        /** DuckDB's latency over the API's with the same columns ({@link #apiPeer}): above 1, DeskPulse is faster. */
        public Double vsDuckdbP50;
        public Double vsDuckdbP99;
        public Comparison duckdbAnswers;
        /** Why the query has no figures. */
        public String failure;
    }

    public static final class Latency {
        public long samples;
        public double p50Ms;
        public double p95Ms;
        public double p99Ms;
        public double maxMs;
        public double meanMs;
        /** Calls that failed (not timed), and the first failure. */
        public Long errors;
        public String firstError;
    }

    public static final class Comparison {
        public boolean match;
        public int rowsCompared;
        public int mismatches;
        public List<String> examples = new ArrayList<>();
        public String note;
    }

    public static final class Memory {
        public String method;
        public List<Proc> services = new ArrayList<>();
        public Proc broker;
        public Proc postgresql;
    }

    public static final class Proc {
        public String name;
        public Long pid;
        public Double peakRssMb;
        public Double rssMb;
        public Double pssMb;
        public Integer processes;
        public String note;
    }

    public static final class Scale {
        public String method;
        public String loadMethod;
        public Long storedAtStart;
        public List<Step> steps = new ArrayList<>();
        public String note;
    }

    public static final class Step {
        public long target;
        public Long storedEvents;
        public Long stepEvents;
        public Double loadS;
        public Double loadEventsPerS;
        public Double scoringS;
        public Double scoringEventsPerS;
        public Double drainEventsPerS;
        public Double queryP50Ms;
        public Double queryP99Ms;
        public Double baselineP50Ms;
        public Double duckdbP50Ms;
        public Double duckdbP99Ms;
        /** Query (a)'s p99 with DuckDB's five columns only, and DuckDB's p99 over it (above 1: DeskPulse faster). */
        public Double peerApiP99Ms;
        public Double vsDuckdbP99;
        public Double speedupP50;
        public Long ticketFactsRows;
        /** Queries (b) and (c) at this step, API and DuckDB at p99 (no SQL baseline). */
        public List<StepQuery> otherQueries = new ArrayList<>();
        public String skipped;
        public String failure;
    }

    public static final class StepQuery {
        public String name;
        public Double apiP99Ms;
        /** The API's p99 with DuckDB's five columns only. */
        public Double peerApiP99Ms;
        public Double duckdbP99Ms;
        /** DuckDB's p99 over the API's with the same columns: above 1, DeskPulse is faster. */
        public Double vsDuckdbP99;
    }

    public static final class Target {
        public String name;
        public String target;
        public String measured;
        /** met, missed, or not measured (with the reason in measured). */
        public String status;
    }

    public static final class Cpu {
        public double seconds;
        public Map<String, Double> cores = new LinkedHashMap<>();
    }
}
