package io.deskpulse.ingestion.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Helpdesk webhooks at POST /v1/hooks/{connector_id} (docs/connectors.md). */
@ConfigMapping(prefix = "deskpulse.connectors")
public interface ConnectorConfig {

    /**
     * How often the connector directory reads the connectors changed in PostgreSQL: a connector created, rotated or
     * disabled through scoring's admin API takes effect within about this long (the promise is 5 s).
     */
    @WithDefault("1s")
    Duration refresh();

    /**
     * The largest webhook body taken (helpdesk payloads are a few KB; a bigger one is refused with 413). It must stay
     * below the producer's max.request.size (1 MB by default), since the body goes to the raw topic whole.
     */
    @WithDefault("512K")
    MemorySize maxBodySize();

    /** Where every accepted webhook body goes, before mapping: what a re-map reads. Created at startup when missing. */
    @WithDefault("deskpulse.hooks.raw")
    String rawTopic();

    /** The most raw payloads one re-map reads; past it the answer says where it stopped, to continue from there. */
    @WithDefault("100000")
    int remapMaxPayloads();
}
