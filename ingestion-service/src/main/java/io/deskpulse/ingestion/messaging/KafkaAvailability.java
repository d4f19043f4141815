package io.deskpulse.ingestion.messaging;

import io.deskpulse.ingestion.config.KafkaConfig;
import io.deskpulse.platform.kafka.KafkaAdmin;
import io.deskpulse.platform.kafka.KafkaSetupConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Whether the publisher may hand records to Kafka. Once a send failed or timed out, the broker is taken to be down:
 * new requests are refused at once instead of each waiting out the ack timeout (which would tie up a worker thread
 * and producer buffer per request for nothing). One background probe then asks every probe interval whether the
 * topic's partitions have leaders again, and re-opens on the first yes. The state is all in memory: a restarted
 * service starts open, and its first send finds out.
 */
@ApplicationScoped
public class KafkaAvailability {

    private static final Logger LOG = Logger.getLogger(KafkaAvailability.class);

    /** Why and since when Kafka is taken to be down; null while it is available. */
    public record Outage(Instant since, String reason) {
    }

    private final KafkaAdmin admin;
    private final KafkaConfig config;
    private final KafkaSetupConfig setup;
    private final ScheduledExecutorService prober;
    private volatile Outage outage;

    public KafkaAvailability(KafkaAdmin admin, KafkaConfig config, KafkaSetupConfig setup) {
        this.setup = setup;
        this.admin = admin;
        this.config = config;
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "deskpulse-kafka-probe");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, config.probeInterval().toMillis());
        prober.scheduleWithFixedDelay(this::probe, interval, interval, TimeUnit.MILLISECONDS);
    }

    public boolean available() {
        return outage == null;
    }

    /** The current outage, or null. */
    public Outage outage() {
        return outage;
    }

    /** A send failed or was not acknowledged in time: refuse until the probe sees the partitions led again. */
    void down(String reason) {
        synchronized (this) {
            if (outage != null) {
                return;
            }
            outage = new Outage(Instant.now(), reason);
        }
        LOG.warnf("Kafka is taken to be down (%s): requests are refused with 503 until the topic's partitions have "
                + "leaders again (checked every %s)", reason, config.probeInterval());
    }

    void probe() {
        Outage current = outage;
        if (current == null) {
            return;
        }
        boolean led;
        try {
            led = admin.leadersFor(config.topic(), setup.healthTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            // Still down: the reason was logged when the outage began, the client logs every reconnect attempt.
            return;
        }
        if (led) {
            synchronized (this) {
                outage = null;
            }
            LOG.infof("Kafka is back: the topic's partitions have leaders; accepting requests again after %d ms",
                    Duration.between(current.since(), Instant.now()).toMillis());
        }
    }

    @PreDestroy
    void close() {
        prober.shutdownNow();
    }
}
