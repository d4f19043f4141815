package io.deskpulse.platform.kafka;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kafka cluster answers: without it ingestion would answer every request with a 503, and
 * scoring would score nothing.
 *
 * <p>Not Quarkus' own Kafka health check (the services switch it off): that one waits for the cluster without a
 * bound of its own, so an unreachable broker would hang the probe. This one asks with a short timeout and reuses
 * an answer for a few seconds, so frequent probes (several per replica and second) do not each cost a round trip.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = KafkaAdmin.ENABLED, stringValue = "true")
public class KafkaReadinessCheck implements HealthCheck {

    private static final String NAME = "kafka";

    private final KafkaAdmin admin;
    private final KafkaSetupConfig config;
    private volatile HealthCheckResponse cached;
    private volatile long cachedUntilNanos;

    public KafkaReadinessCheck(KafkaAdmin admin, KafkaSetupConfig config) {
        this.admin = admin;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse response = cached;
        if (response != null && System.nanoTime() - cachedUntilNanos < 0) {
            return response;
        }
        synchronized (this) {
            if (cached != null && System.nanoTime() - cachedUntilNanos < 0) {
                return cached;
            }
            response = ask();
            cached = response;
            cachedUntilNanos = System.nanoTime() + config.healthCacheTtl().toNanos();
            return response;
        }
    }

    private HealthCheckResponse ask() {
        try {
            int brokers = admin.brokerCount(config.healthTimeout());
            return HealthCheckResponse.named(NAME).up().withData("brokers", brokers)
                    .withData("topic", config.topic()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (ExecutionException e) {
            return down(String.valueOf(e.getCause()));
        } catch (Exception e) {
            return down(e.toString());
        }
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }
}
