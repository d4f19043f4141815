package io.deskpulse.scoring.health;

import io.deskpulse.scoring.messaging.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kafka cluster answers. Not Quarkus' own check, which waits on the cluster
 * without a bound of its own: this one asks with a short timeout and reuses the answer for a few
 * seconds, so that frequent probes neither hang nor each cost a round trip.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REUSE = Duration.ofSeconds(5);

    private final KafkaClients clients;
    private Admin admin;
    private HealthCheckResponse last;
    private long reuseUntilNanos;

    public KafkaReadinessCheck(KafkaClients clients) {
        this.clients = clients;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (last == null || System.nanoTime() - reuseUntilNanos >= 0) {
            last = ask();
            reuseUntilNanos = System.nanoTime() + REUSE.toNanos();
        }
        return last;
    }

    private HealthCheckResponse ask() {
        try {
            if (admin == null) {
                admin = clients.admin();
            }
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("brokers", brokers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("kafka").down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("reason", String.valueOf(e)).build();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
