package io.deskpulse.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The topic and the delivery guarantees. Connection settings (bootstrap servers, TLS, SASL) are the
 * standard {@code kafka.*} properties, which Quarkus hands over as the {@code default-kafka-broker} map; the
 * topic's creation and the readiness check are the platform's ({@code KafkaSetupConfig}).
 */
@ConfigMapping(prefix = "deskpulse.kafka")
public interface KafkaConfig {

    @WithDefault("deskpulse.events.v1")
    String topic();

    /**
     * How long a request may wait for Kafka: blocking for metadata or buffer space, and the acknowledgement
     * of its records. Past it the request is answered 503, so a dead broker never leaves clients hanging. The
     * producer blocks (metadata, buffer space) at most half of it per record, and gives a record up after it.
     */
    @WithDefault("10s")
    Duration ackTimeout();

    /**
     * While Kafka is known to be down (a send failed or timed out), how often a background probe asks whether its
     * partitions have leaders again. Requests are refused at once meanwhile; the first successful probe re-opens.
     */
    @WithDefault("1s")
    Duration probeInterval();

    /**
     * Requests of at most this many records (a single event, a webhook delivery and its raw record, a tiny batch) are
     * sent by a second producer that does not linger, so that they wait for one round trip to Kafka and not for the
     * linger of a batch too; larger ones by the batching producer. 0: every request by the batching producer (one
     * producer, as before).
     */
    @WithDefault("8")
    int immediateMaxRecords();

    /**
     * While at least this many requests are waiting for Kafka, those of at most {@link #immediateMaxRecords} records
     * go through a third producer that lingers 1 ms, so that concurrent single events and webhook deliveries share
     * produce requests; below it they are sent at once. 0: never (every small request sent at once).
     */
    @WithDefault("8")
    int gatherFromWaiting();

    /** The Retry-After of a 503 answer. */
    @WithDefault("5s")
    Duration retryAfter();
}
