package io.deskpulse.scoring.health;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.messaging.ConsumerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the consumer loop runs and its batches go through. Repeated failures (the database or
 * the broker gone) make it not ready, so that operators see it; the loop itself keeps retrying.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    private static final int FAILURES_BEFORE_NOT_READY = 3;

    private final ConsumerStatus status;
    private final ScoringConfig config;

    public ConsumerHealthCheck(ConsumerStatus status, ScoringConfig config) {
        this.status = status;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("scoring-consumer");
        if (!config.consumerEnabled()) {
            return response.up().withData("enabled", false).build();
        }
        response.withData("lag", status.lag()).withData("consecutive_failures", status.consecutiveFailures());
        if (status.lastBatchAt() != null) {
            response.withData("last_batch_at", status.lastBatchAt().toString());
        }
        if (status.lastFailure() != null) {
            response.withData("last_failure", status.lastFailure());
        }
        boolean healthy = status.running() && status.consecutiveFailures() < FAILURES_BEFORE_NOT_READY;
        return response.status(healthy).build();
    }
}
