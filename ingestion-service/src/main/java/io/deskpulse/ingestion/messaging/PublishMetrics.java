package io.deskpulse.ingestion.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * How long requests wait for Kafka (the time from their first send to their last acknowledgement), and what an
 * outage holds: whether Kafka is taken to be available, how many requests wait on it, how much of the producer's
 * buffer their records fill. The last two must stay bounded while the broker is gone.
 */
@ApplicationScoped
public class PublishMetrics {

    private final MeterRegistry registry;
    private final Timer ackWait;
    private final Map<ProducerLane, Counter> lanes = new EnumMap<>(ProducerLane.class);

    public PublishMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ackWait = Timer.builder("deskpulse.ingest.kafka.ack.wait")
                .description("Time a request spends sending its records to Kafka and awaiting every acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        for (ProducerLane lane : ProducerLane.values()) {
            lanes.put(lane, Counter.builder("deskpulse.ingest.kafka.requests")
                    .description("Requests sent to Kafka, by the producer that took their records (batching, immediate, "
                            + "gathering)")
                    .tag("producer", lane.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    void sent(ProducerLane lane) {
        lanes.get(lane).increment();
    }

    void ackWait(long nanos) {
        ackWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void gauges(KafkaAvailability availability, AtomicInteger waiting, List<Producer<?, ?>> producers) {
        Gauge.builder("deskpulse.ingest.kafka.available", availability, a -> a.available() ? 1 : 0)
                .description("1 while requests are sent to Kafka, 0 while they are refused because a send found it down")
                .register(registry);
        Gauge.builder("deskpulse.ingest.kafka.waiting.requests", waiting, AtomicInteger::get)
                .description("Requests waiting for Kafka to take or acknowledge their records")
                .register(registry);
        // A strong reference: Micrometer holds a gauge's object weakly, and this list has no other holder (collected,
        // the gauge would read NaN).
        Gauge.builder("deskpulse.ingest.kafka.buffer.used", producers,
                        p -> p.stream().mapToDouble(PublishMetrics::bufferUsed).sum())
                .strongReference(true)
                .description("Bytes of the producers' buffers holding records not yet acknowledged")
                .baseUnit("bytes")
                .register(registry);
    }

    private static double bufferUsed(Producer<?, ?> producer) {
        double total = Double.NaN;
        double available = Double.NaN;
        for (Map.Entry<MetricName, ? extends Metric> entry : producer.metrics().entrySet()) {
            if (!"producer-metrics".equals(entry.getKey().group())) {
                continue;
            }
            switch (entry.getKey().name()) {
                case "buffer-total-bytes" -> total = value(entry.getValue());
                case "buffer-available-bytes" -> available = value(entry.getValue());
                default -> {
                }
            }
        }
        return total - available;
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
