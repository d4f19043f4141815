package io.deskpulse.ingestion.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Limits and behaviour of {@code POST /v1/events}. */
@ConfigMapping(prefix = "deskpulse.ingest")
public interface IngestConfig {

    /** Most events one {@code application/cloudevents-batch+json} request may hold. */
    @WithDefault("1000")
    int maxBatchEvents();

    /** Largest body of a single-event or batch request (both are parsed in memory). */
    @WithDefault("16M")
    MemorySize maxBodySize();

    /** Largest NDJSON body; it is streamed, so this bounds disk (the spool file), not memory. */
    @WithDefault("4G")
    MemorySize maxNdjsonSize();

    /**
     * Largest single event (one NDJSON line, one batch element), because Kafka refuses records above
     * its {@code max.request.size} and such a refusal must be a 422 for that event, not a 503 for all.
     */
    @WithDefault("512K")
    MemorySize maxEventSize();

    /** How many errors a 422 lists at most; its detail still says how many events were invalid. */
    @WithDefault("100")
    int maxListedErrors();

    /** How many acknowledged event identities the instance remembers to skip resent events; 0 disables. */
    @WithDefault("500000")
    int recentIdentities();

    /**
     * How many identities of one NDJSON request are kept to skip repeats within it. A backfill can hold
     * tens of millions of events: beyond this window repeats are left to scoring-service's deduplication.
     */
    @WithDefault("1000000")
    int requestDedupWindow();

    /**
     * The earliest event {@code time} accepted. Older times are refused (422 naming {@code time}): a backfill of
     * older history sets this lower.
     */
    @WithDefault("2000-01-01T00:00:00Z")
    Instant earliestEventTime();

    /** How far ahead of the server's clock an event {@code time} may lie (helpdesk clocks drift a little). */
    @WithDefault("1d")
    Duration maxEventTimeAhead();

    /** Where NDJSON bodies are spooled before they are sent; java.io.tmpdir when absent. */
    Optional<Path> spoolDir();
}
