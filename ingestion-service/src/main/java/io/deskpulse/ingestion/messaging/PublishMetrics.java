package io.deskpulse.ingestion.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** How long requests wait for Kafka: the time from their first send to their last acknowledgement. */
@ApplicationScoped
public class PublishMetrics {

    private final Timer ackWait;

    public PublishMetrics(MeterRegistry registry) {
        this.ackWait = Timer.builder("deskpulse.ingest.kafka.ack.wait")
                .description("Time a request spends sending its records to Kafka and awaiting every acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
    }

    void ackWait(long nanos) {
        ackWait.record(nanos, TimeUnit.NANOSECONDS);
    }
}
