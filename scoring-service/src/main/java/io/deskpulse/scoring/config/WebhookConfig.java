package io.deskpulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delivery of alert webhooks from the outbox (docs/alerts.md#webhooks). */
@ConfigMapping(prefix = "deskpulse.webhooks")
public interface WebhookConfig {

    /** How often an instance looks for deliveries that are due. Read by the scheduler as ${deskpulse.webhooks.interval}. */
    @WithDefault("2s")
    Duration interval();

    /** How long one attempt may take (connecting and the answer); longer is a failed attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("30s")
    Duration initialBackoff();

    /** The longest wait between attempts. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** Attempts before a delivery is given up (status failed). */
    @WithDefault("10")
    int maxAttempts();

    /** Deliveries taken per look, sent in parallel. */
    @WithDefault("20")
    int batch();

    /**
     * Whether webhooks may go to loopback, private, link-local or unique-local addresses. Off: a tenant's admin
     * cannot make scoring-service call the internal network. On only where every receiver is internal (tests).
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();
}
