package io.deskpulse.ingestion.health;

import io.deskpulse.ingestion.messaging.KafkaAvailability;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the publisher refuses requests because a send found Kafka down, so that a load balancer sends
 * clients elsewhere for exactly as long as they would be answered 503. Costs nothing per probe: the state is the
 * publisher's own, kept up to date by its background probe. Complements the cluster check ({@code kafka}), which
 * also sees an outage while no request is sent.
 */
@Readiness
@ApplicationScoped
public class PublishingReadinessCheck implements HealthCheck {

    private static final String NAME = "kafka-publishing";

    private final KafkaAvailability availability;

    public PublishingReadinessCheck(KafkaAvailability availability) {
        this.availability = availability;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaAvailability.Outage outage = availability.outage();
        if (outage == null) {
            return HealthCheckResponse.named(NAME).up().build();
        }
        return HealthCheckResponse.named(NAME).down().withData("since", outage.since().toString())
                .withData("reason", outage.reason()).build();
    }
}
