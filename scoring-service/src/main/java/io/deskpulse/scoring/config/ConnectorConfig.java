package io.deskpulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Helpdesk connectors (docs/connectors.md): where their webhooks go, and the defaults of their admin API. */
@ConfigMapping(prefix = "deskpulse.connectors")
public interface ConnectorConfig {

    /**
     * ingestion-service's public base URL, as the helpdesks reach it (behind the ingress or load balancer): the
     * webhook URL a created connector answers is this followed by /v1/hooks/{connector_id}.
     */
    @WithDefault("http://127.0.0.1:8081")
    String publicIngestionUrl();

    /** How long a rotated secret stays valid when the rotation does not say. */
    @WithDefault("24h")
    Duration defaultGracePeriod();

    /** Connectors per tenant (disabled ones count: they keep their id). */
    @WithDefault("100")
    int maxPerTenant();
}
